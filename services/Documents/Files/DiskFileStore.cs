using System.Security.Cryptography;

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
            long length = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes) throw new FileTooLargeException(maxBytes);
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var target = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target)) File.Move(temporary, target, overwrite: true);
            return new StoredFile(sha256, length);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public Stream? OpenRead(string sha256)
    {
        if (!IsHash(sha256)) return null;
        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Where the content with this hash lives; tests use it to tamper with a stored file.</summary>
    public string PathOf(string sha256) =>
        IsHash(sha256) ? Path.Combine(root, sha256[..2], sha256) : throw new ArgumentException("Not a SHA-256 hex string.", nameof(sha256));

    private static bool IsHash(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);
}
