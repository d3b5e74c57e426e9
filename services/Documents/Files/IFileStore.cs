namespace Platform.Documents.Files;

/// <summary>
/// Where document files live, addressed by their SHA-256: the same bytes are stored once, and a
/// file's name can never steer where it is written. Disk for <c>make run</c>
/// (<see cref="DiskFileStore"/>); S3-compatible object storage in production
/// (<see cref="ObjectStorage.S3FileStore"/>), chosen by <c>Files:Store</c>.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content (up to <paramref name="maxBytes"/>) and returns its hash and length.</summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// The content with this hash, or null when there is none. A store that cannot be reached
    /// throws <see cref="FileStoreException"/> instead, so a missing file is never confused with an outage.
    /// </summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IFileStore.SaveAsync"/> stored.</summary>
public sealed record StoredFile(string Sha256, long Length);

/// <summary>The upload was larger than allowed.</summary>
public sealed class FileTooLargeException(long maxBytes) : Exception($"File larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
