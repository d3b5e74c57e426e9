namespace Platform.Documents.Domain;

/// <summary>Whose signature: the signing leader's (chữ ký số) or the organisation's seal (con dấu số).</summary>
public enum SignatureKind
{
    Signer,
    Seal,
}

/// <summary>A detached CMS (PKCS#7) signature over a document's main file as it was when signed.</summary>
public sealed class DocumentSignature
{
    public Guid Id { get; init; }
    public Guid DocumentId { get; init; }
    public SignatureKind Kind { get; init; }
    public required string SignerSubject { get; init; }
    public required string CertificateThumbprint { get; init; }
    /// <summary>The SHA-256 of the file that was signed.</summary>
    public required string FileSha256 { get; init; }
    public required byte[] Cms { get; init; }
    public DateTime SignedAtUtc { get; init; }
}
