namespace Platform.Documents.Domain;

/// <summary>
/// A file of a document (tệp đính kèm). The main file (tệp văn bản chính) is the one that is
/// signed and sealed; the others are appendices. The bytes live in the file store under their hash.
/// </summary>
public sealed class Attachment
{
    public Guid Id { get; init; }
    public Guid DocumentId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Length { get; init; }
    public required string Sha256 { get; init; }
    public bool IsMain { get; init; }
    /// <summary>Text extracted from a PDF, for full-text search.</summary>
    public string? ExtractedText { get; init; }
    public required string UploadedBy { get; init; }
    public DateTime UploadedAtUtc { get; init; }
}
