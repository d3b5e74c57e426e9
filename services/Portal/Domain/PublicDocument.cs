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

    /// <summary>
    /// When the document left the portal (recalled or replaced); null while it is shown. The row
    /// stays as a tombstone: events arrive in any order and more than once, and a late or
    /// redelivered issue must find it and not publish a document that is no longer in force.
    /// </summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public PublicDocumentWithdrawal? WithdrawnBecause { get; private set; }

    /// <summary>
    /// Takes the document off the portal, its files with it. The first withdrawal stands: a
    /// recall redelivered, or a replacement after a recall, changes nothing.
    /// </summary>
    public void Withdraw(PublicDocumentWithdrawal because, DateTimeOffset at)
    {
        if (WithdrawnAt is not null) return;
        WithdrawnAt = at;
        WithdrawnBecause = because;
        Files.Clear();
    }

    /// <summary>
    /// The tombstone of a document withdrawn before its issue reached the portal: only its id
    /// (and number, when the event names it) is known; the issue, when it comes, finds it and stops.
    /// </summary>
    public static PublicDocument WithdrawnBeforeIssue(Guid documentId, string numberAndCode, PublicDocumentWithdrawal because, DateTimeOffset at)
    {
        var tombstone = new PublicDocument { DocumentId = documentId, NumberAndCode = numberAndCode, DocumentType = "", Subject = "", SignerName = "" };
        tombstone.Withdraw(because, at);
        return tombstone;
    }
}

/// <summary>Why a document left the portal.</summary>
public enum PublicDocumentWithdrawal
{
    /// <summary>Recalled by its issuer (thu hồi).</summary>
    Recalled,
    /// <summary>Replaced by a document issued in its place (văn bản thay thế).</summary>
    Replaced,
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
