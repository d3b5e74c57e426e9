using System.Security.Cryptography;

namespace Platform.Documents.Files;

/// <summary>The one place that decides a stored file's address: the lower-case hex SHA-256 of its bytes.</summary>
public static class ContentAddress
{
    /// <summary>True for a lower-case hex SHA-256; anything else (a path, upper case) never reaches a store.</summary>
    public static bool IsHash(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// Copies the upload to <paramref name="output"/> while hashing it, and stops as soon as it
    /// passes <paramref name="maxBytes"/>, so an oversized upload costs at most that much space.
    /// </summary>
    public static async Task<StoredFile> CopyAsync(Stream content, Stream output, long maxBytes, CancellationToken cancellationToken)
    {
        long length = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
            if (length > maxBytes) throw new FileTooLargeException(maxBytes);
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return new StoredFile(Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }
}
