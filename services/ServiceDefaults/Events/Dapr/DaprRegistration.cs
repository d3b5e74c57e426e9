using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Events.Dapr;

internal static class DaprRegistration
{
    /// <summary>DaprClient towards the sidecar, the publishing transport, the topic routes and the sidecar health check.</summary>
    internal static void AddDaprTransport(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDaprClient((provider, dapr) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            dapr.UseGrpcEndpoint(DaprSidecar.GrpcEndpoint(configuration));
            dapr.UseHttpEndpoint(DaprSidecar.HttpEndpoint(configuration));
            if (DaprSidecar.ApiToken(configuration) is { } token) dapr.UseDaprApiToken(token);
        });
        services.AddSingleton<IEventTransport, DaprTransport>();
        services.AddSingleton<IEndpointContributor, DaprSubscriptionEndpoints>();
        services.AddHttpClient(DaprSidecarHealthCheck.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5));
        services.AddHealthChecks().AddCheck<DaprSidecarHealthCheck>("broker", tags: ["ready"]);
    }
}
