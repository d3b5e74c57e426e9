using System.Net.Http.Json;

namespace Platform.Portal.Staff.Clients;

/// <summary>Calls one service as the signed-in person and turns every answer into an <see cref="ApiResult{T}"/>.</summary>
public abstract class ServiceClient(HttpClient http, string serviceName)
{
    protected Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(() => http.GetAsync(path, cancellationToken), cancellationToken);

    protected Task<ApiResult<T>> PostAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(() => http.PostAsJsonAsync(path, body, cancellationToken), cancellationToken);

    protected Task<ApiResult<T>> PostAsync<T>(string path, HttpContent content, CancellationToken cancellationToken) =>
        SendAsync<T>(() => http.PostAsync(path, content, cancellationToken), cancellationToken);

    /// <summary>
    /// A file, streamed: only the headers are read here, and the caller disposes the download
    /// once the body has gone on to the browser (a large attachment never sits in memory).
    /// </summary>
    protected Task<ApiResult<FileDownload>> DownloadAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(() => http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken), async response =>
        {
            if (!response.IsSuccessStatusCode)
            {
                using (response) return await ApiResult<FileDownload>.ReadAsync(response, serviceName, cancellationToken);
            }
            var headers = response.Content.Headers;
            return ApiResult<FileDownload>.Success(new FileDownload(
                await response.Content.ReadAsStreamAsync(cancellationToken),
                headers.ContentType?.ToString() ?? "application/octet-stream",
                headers.ContentDisposition?.FileNameStar ?? headers.ContentDisposition?.FileName?.Trim('"'),
                response), response.StatusCode);
        }, cancellationToken);

    private Task<ApiResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        SendAsync(send, async response =>
        {
            using (response) return await ApiResult<T>.ReadAsync(response, serviceName, cancellationToken);
        }, cancellationToken);

    /// <summary>Sends, hands the answer to <paramref name="read"/> (which owns it), and turns a service that does not answer into a message.</summary>
    private async Task<ApiResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, Task<ApiResult<T>>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read(await send());
        }
        catch (HttpRequestException)
        {
            return ApiResult<T>.Unreachable(serviceName);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ApiResult<T>.Unreachable(serviceName);
        }
    }
}

/// <summary>A file on its way from a service to the browser; disposing it closes the service's answer.</summary>
public sealed record FileDownload(Stream Content, string ContentType, string? FileName, IDisposable Owner) : IDisposable
{
    public void Dispose() => Owner.Dispose();
}
