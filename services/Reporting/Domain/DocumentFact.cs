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
    /// <summary>Received: the registering unit. Issued: the drafting unit read from the code (45/UBND-KT gives KT).</summary>
    public required string Unit { get; init; }
    public required string DocumentType { get; init; }
    public Urgency Urgency { get; init; }
    /// <summary>Issued legal normative documents that are not secret go to the gazette.</summary>
    public bool ForGazette { get; init; }
}

public enum DocumentFlow
{
    Received,
    Issued,
}

/// <summary>A leader's direction on an incoming document: who leads its handling and by when.</summary>
public sealed class AssignmentFact
{
    public required string EventId { get; init; }
    public Guid DocumentId { get; init; }
    public required string LeadUnit { get; init; }
    public DateOnly? Deadline { get; init; }
    public DateTimeOffset AssignedAt { get; init; }
}

/// <summary>A task entered, counted per lead unit.</summary>
public sealed class TaskFact
{
    public required string EventId { get; init; }
    public Guid TaskId { get; init; }
    public DateOnly Day { get; init; }
    public required string LeadUnit { get; init; }
    public DateOnly? Deadline { get; init; }
    /// <summary>The incoming document whose direction created the task; its handling ends when its tasks are done.</summary>
    public Guid? SourceDocumentId { get; init; }
}

/// <summary>A task's move to a status; the last one on or before a cut-off is its status in that report.</summary>
public sealed class TaskStatusFact
{
    public required string EventId { get; init; }
    public Guid TaskId { get; init; }
    public Contracts.TaskState To { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public DateOnly Day { get; init; }
}

/// <summary>A reminder the Tasks service raised: due soon or overdue, with the deadline it then knew.</summary>
public sealed class TaskAlertFact
{
    public required string EventId { get; init; }
    public Guid TaskId { get; init; }
    public TaskAlert Alert { get; init; }
    public DateOnly Deadline { get; init; }
    public DateOnly Day { get; init; }
}

public enum TaskAlert
{
    DueSoon,
    Overdue,
}

/// <summary>A document that appeared in a published gazette issue (công báo); one row per document of the issue.</summary>
public sealed class GazettePublicationFact
{
    public required string EventId { get; init; }
    public Guid DocumentId { get; init; }
    public Guid IssueId { get; init; }
    public DateOnly PublishedDate { get; init; }
}

/// <summary>Citizen feedback (phản ánh, kiến nghị) received through the portal.</summary>
public sealed class FeedbackFact
{
    public required string EventId { get; init; }
    public Guid FeedbackId { get; init; }
    public DateOnly Day { get; init; }
}
