namespace Platform.Documents.Domain;

/// <summary>
/// One line of a document's audit trail (nhật ký xử lý): who did what, when, from where. Written
/// once with the change it records and never changed afterwards; the database context refuses
/// updates and deletes.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }
    public Guid DocumentId { get; init; }
    public required string Action { get; init; }
    public string? FromStatus { get; init; }
    public string? ToStatus { get; init; }
    public required string Actor { get; init; }
    public string? ActorUnit { get; init; }
    public DateTime AtUtc { get; init; }
    public string? IpAddress { get; init; }
    public string? Detail { get; init; }
}
