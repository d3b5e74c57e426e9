using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace Platform.Documents.Files.ObjectStorage;

/// <summary>
/// Document files in an S3-compatible bucket, keyed by their SHA-256 like the disk store. An
/// upload is first copied to a local temporary file while hashing, because the signature carries
/// the payload's hash before the first byte is sent; a key that exists already holds those very
/// bytes, so it is not written again. Reads stream the object straight to the caller.
/// </summary>
public sealed partial class S3FileStore(HttpClient http, ObjectStorageOptions options, string temporaryFolder, TimeProvider clock, ILogger<S3FileStore> logger)
    : IFileStore
{
    private readonly SigV4Signer _signer = new(options.AccessKey, options.SecretKey, options.Region);

    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(temporaryFolder);
        var temporary = Path.Combine(temporaryFolder, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        await using var buffer = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var stored = await ContentAddress.CopyAsync(content, buffer, maxBytes, cancellationToken);
        if (await ExistsAsync(stored.Sha256, cancellationToken)) return stored;
        buffer.Position = 0;
        using var request = new HttpRequestMessage(HttpMethod.Put, options.ObjectUri(stored.Sha256))
        {
            Content = new StreamContent(buffer),
        };
        request.Content.Headers.ContentLength = stored.Length;
        request.Content.Headers.ContentType = new("application/octet-stream");
        using var response = await SendAsync(request, stored.Sha256, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode) throw await FailureAsync(response, stored.Sha256, cancellationToken);
        return stored;
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!ContentAddress.IsHash(sha256)) return null;
        using var request = new HttpRequestMessage(HttpMethod.Get, options.ObjectUri(sha256));
        var response = await SendAsync(request, SigV4Signer.EmptyPayloadSha256, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            // The caller disposes the body stream, which releases the connection with it.
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound && await ErrorCodeAsync(response, cancellationToken) is null or "NoSuchKey") return null;
            throw await FailureAsync(response, sha256, cancellationToken);
        }
    }

    /// <summary>Whether the object is there (HEAD); a missing bucket or a refusal throws rather than answering no.</summary>
    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, options.ObjectUri(sha256));
        using var response = await SendAsync(request, SigV4Signer.EmptyPayloadSha256, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.IsSuccessStatusCode) return true;
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        throw await FailureAsync(response, sha256, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string payloadSha256, HttpCompletionOption completion,
        CancellationToken cancellationToken)
    {
        _signer.Sign(request, payloadSha256, clock.GetUtcNow());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            return await http.SendAsync(request, completion, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, request.Method.Method, request.RequestUri!, $"no answer within {options.Timeout}");
            throw new FileStoreException(FileStoreFailure.Unavailable);
        }
        catch (HttpRequestException exception)
        {
            LogUnreachable(logger, request.Method.Method, request.RequestUri!, exception.Message);
            throw new FileStoreException(FileStoreFailure.Unavailable);
        }
    }

    /// <summary>5xx and 429 are an outage; any other refusal (403, 400, a missing bucket) is configuration.</summary>
    private async Task<FileStoreException> FailureAsync(HttpResponseMessage response, string key, CancellationToken cancellationToken)
    {
        var code = await ErrorCodeAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        LogFailed(logger, response.RequestMessage?.Method.Method ?? "?", key, status, code ?? "-");
        return new FileStoreException(status >= 500 || status == 429 ? FileStoreFailure.Unavailable : FileStoreFailure.Refused);
    }

    /// <summary>The <c>&lt;Error&gt;&lt;Code&gt;</c> of an S3 error body (NoSuchKey, NoSuchBucket, AccessDenied…), if there is one.</summary>
    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return body.Length == 0 ? null : XDocument.Parse(body).Root?.Element("Code")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Object storage {Method} {Uri} failed: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string method, Uri uri, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Object storage {Method} of {Key} answered {Status} {Code}")]
    private static partial void LogFailed(ILogger logger, string method, string key, int status, string code);
}
