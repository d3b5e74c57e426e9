using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults.Events.Dapr;

/// <summary>
/// The "broker" readiness check of the Dapr transport: the sidecar's outbound health, which
/// turns healthy once its components (the pub/sub broker among them) are loaded.
/// </summary>
public sealed class DaprSidecarHealthCheck(IHttpClientFactory httpClients, IConfiguration configuration) : IHealthCheck
{
    public const string HttpClientName = "dapr-sidecar-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var url = DaprSidecar.HttpEndpoint(configuration) + "/v1.0/healthz/outbound";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (DaprSidecar.ApiToken(configuration) is { } token) request.Headers.Add(DaprSidecar.ApiTokenHeader, token);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy("dapr sidecar ready")
                : HealthCheckResult.Unhealthy($"dapr sidecar answered {(int)response.StatusCode} at {url}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"dapr sidecar does not answer at {url}", exception);
        }
    }
}
