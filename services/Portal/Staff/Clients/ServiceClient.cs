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

    private async Task<ApiResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send();
            return await ApiResult<T>.ReadAsync(response, serviceName, cancellationToken);
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
