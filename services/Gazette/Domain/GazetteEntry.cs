namespace Platform.Gazette.Domain;

/// <summary>
/// A legal normative document (văn bản quy phạm pháp luật) received for the gazette (công
/// báo), entered in the gazette register with the day it arrived.
/// </summary>
public sealed class GazetteEntry
{
    public Guid Id { get; init; }
    public Guid DocumentId { get; init; }
    public required string NumberAndCode { get; init; }
    public required string DocumentType { get; init; }
    public required string Subject { get; init; }
    public DateOnly SignedDate { get; init; }
    public DateOnly ReceivedDate { get; init; }
    public DateTime ReceivedAtUtc { get; init; }
}
