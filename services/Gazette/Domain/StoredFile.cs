using System.Security.Cryptography;

namespace Platform.Gazette.Domain;

/// <summary>
/// A file the gazette keeps: a received original, an issue's PDF, a signature. Kept in the
/// database so every replica of the service serves the same bytes and a publish commits
/// its PDF and signature with the issue, or none of them.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Content { get; init; }
    public required string Sha256 { get; init; }
    public DateTime CreatedAtUtc { get; init; }

    public static StoredFile From(string fileName, string contentType, byte[] content, DateTime atUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        FileName = fileName,
        ContentType = contentType,
        Content = content,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        CreatedAtUtc = atUtc,
    };
}
