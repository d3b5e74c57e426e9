namespace Platform.Portal.Domain;

/// <summary>
/// An issued public document as the portal shows it. The portal keeps its own copy, built
/// from events, so public pages stay up when the Documents service is down.
/// </summary>
public sealed class PublicDocument
{
    public Guid DocumentId { get; init; }
    public required string NumberAndCode { get; init; }
    public required string DocumentType { get; init; }
    public required string Subject { get; init; }
    public required string SignerName { get; init; }
    public DateOnly IssuedDate { get; init; }
    public bool IsLegalNormative { get; init; }
}

/// <summary>A published gazette issue (số công báo) as the portal lists it.</summary>
public sealed class PublishedGazetteIssue
{
    public Guid IssueId { get; init; }
    public int Year { get; init; }
    /// <summary>The issue number, or combined numbers such as "12 + 13".</summary>
    public required string Numbers { get; init; }
    public DateOnly PublishedDate { get; init; }
    public required string PdfUrl { get; init; }
}
