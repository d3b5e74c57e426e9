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
    public string SignerPosition { get; init; } = "";
    public DateOnly IssuedDate { get; init; }
    public bool IsLegalNormative { get; init; }
    /// <summary>Number, type, subject and signer folded (<see cref="Domain.SearchText"/>): the search when Documents is down.</summary>
    public string SearchText { get; init; } = "";

    /// <summary>What the portal's own search matches: number, type, subject and signer, folded.</summary>
    public static string SearchTextOf(string numberAndCode, string documentType, string subject, string signerName) =>
        Domain.SearchText.Fold($"{numberAndCode} {documentType} {subject} {signerName}");

    /// <summary>The last signature check Documents gave; kept so the page shows it while Documents is down.</summary>
    public SignatureCheck? Verification { get; set; }
    public List<PublicDocumentFile> Files { get; set; } = [];
}

/// <summary>The result of verifying a document's digital signatures (kiểm tra chữ ký số).</summary>
public sealed record SignatureCheck(bool Valid, string Message, string? Signer, DateTime? SignedAtUtc, DateTimeOffset CheckedAt);

/// <summary>A signed file of a public document, downloadable through the portal.</summary>
public sealed class PublicDocumentFile
{
    public Guid FileId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Length { get; init; }
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
    /// <summary>The documents the issue carries, comma-separated: its subjects are searchable through the read model.</summary>
    public string DocumentIds { get; init; } = "";
}
