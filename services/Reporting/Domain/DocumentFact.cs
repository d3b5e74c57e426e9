using Platform.Contracts;

namespace Platform.Reporting.Domain;

/// <summary>
/// One document received (văn bản đến) or issued (văn bản đi), as a fact to count. Keyed by
/// the event that reported it, so a redelivered event cannot count twice.
/// </summary>
public sealed class DocumentFact
{
    public required string EventId { get; init; }
    public Guid DocumentId { get; init; }
    public DocumentFlow Flow { get; init; }
    /// <summary>The day in Vietnam the document arrived or was issued; periods cut on it.</summary>
    public DateOnly Day { get; init; }
    public required string Unit { get; init; }
    public required string DocumentType { get; init; }
    public Urgency Urgency { get; init; }
}

public enum DocumentFlow
{
    Received,
    Issued,
}

/// <summary>A task entered, counted per lead unit.</summary>
public sealed class TaskFact
{
    public required string EventId { get; init; }
    public Guid TaskId { get; init; }
    public DateOnly Day { get; init; }
    public required string LeadUnit { get; init; }
    public DateOnly? Deadline { get; init; }
}
