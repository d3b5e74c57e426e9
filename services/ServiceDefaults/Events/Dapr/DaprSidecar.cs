using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.Events.Dapr;

/// <summary>
/// Where this process's Dapr sidecar listens and which tokens guard it: the variables the
/// Dapr injector sets, read from configuration first (tests) and then the environment.
/// </summary>
public static class DaprSidecar
{
    public const string ApiTokenHeader = "dapr-api-token";

    public static string HttpEndpoint(IConfiguration configuration) =>
        Setting(configuration, "DAPR_HTTP_ENDPOINT")?.TrimEnd('/')
        ?? $"http://127.0.0.1:{Setting(configuration, "DAPR_HTTP_PORT") ?? "3500"}";

    public static string GrpcEndpoint(IConfiguration configuration) =>
        Setting(configuration, "DAPR_GRPC_ENDPOINT")?.TrimEnd('/')
        ?? $"http://127.0.0.1:{Setting(configuration, "DAPR_GRPC_PORT") ?? "50001"}";

    /// <summary>The token the sidecar expects from this app (DAPR_API_TOKEN), if any.</summary>
    public static string? ApiToken(IConfiguration configuration) => Setting(configuration, "DAPR_API_TOKEN");

    /// <summary>The token the sidecar sends to this app (APP_API_TOKEN), if any.</summary>
    public static string? AppApiToken(IConfiguration configuration) => Setting(configuration, "APP_API_TOKEN");

    private static string? Setting(IConfiguration configuration, string name)
    {
        var value = configuration[name] ?? Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
