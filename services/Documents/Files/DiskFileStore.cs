namespace Platform.Documents.Files;

/// <summary>Files under <c>{data}/documents/files/ab/abcdef…</c>, written to a temporary file first so a half-written upload is never visible.</summary>
public sealed class DiskFileStore(string root) : IFileStore
{
    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        var temporary = Path.Combine(root, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            StoredFile stored;
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                stored = await ContentAddress.CopyAsync(content, output, maxBytes, cancellationToken);
            }
            var target = PathOf(stored.Sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target)) File.Move(temporary, target, overwrite: true);
            return stored;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!ContentAddress.IsHash(sha256)) return Task.FromResult<Stream?>(null);
        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    /// <summary>Where the content with this hash lives; tests use it to tamper with a stored file.</summary>
    public string PathOf(string sha256) =>
        ContentAddress.IsHash(sha256) ? Path.Combine(root, sha256[..2], sha256) : throw new ArgumentException("Not a SHA-256 hex string.", nameof(sha256));
}
