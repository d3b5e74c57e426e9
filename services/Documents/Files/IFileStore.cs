namespace Platform.Documents.Files;

/// <summary>
/// Where document files live, addressed by their SHA-256: the same bytes are stored once, and a
/// file's name can never steer where it is written. Disk here; object storage in production
/// would implement the same interface.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content (up to <paramref name="maxBytes"/>) and returns its hash and length.</summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The content with this hash, or null when there is none.</summary>
    Stream? OpenRead(string sha256);
}

/// <summary>What <see cref="IFileStore.SaveAsync"/> stored.</summary>
public sealed record StoredFile(string Sha256, long Length);

/// <summary>The upload was larger than allowed.</summary>
public sealed class FileTooLargeException(long maxBytes) : Exception($"File larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
