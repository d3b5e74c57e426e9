using Platform.Gazette.Domain;

namespace Platform.Gazette.Apis;

/// <summary>Reads an uploaded signed original into a <see cref="StoredFile"/>.</summary>
public static class UploadedFile
{
    public static async Task<StoredFile?> ReadAsync(IFormFile? upload, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0) return null;
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        var name = Path.GetFileName(upload.FileName);
        return StoredFile.From(string.IsNullOrWhiteSpace(name) ? "ban-goc" : name, upload.ContentType ?? "application/octet-stream",
            buffer.ToArray(), clock.GetUtcNow().UtcDateTime);
    }
}
