using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Platform.Gateway.Edge;
using Platform.Gateway.Health;
using Platform.Gateway.Routing;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Telemetry;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway;

public static class GatewayRegistration
{
    public const string AppId = "gateway";

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(AppId);
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.Section));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            // Says nothing a caller needs, and is one more header on every response.
            kestrel.AddServerHeader = false;
        });

        builder.Services.AddEdgeRateLimiting(options);
        builder.Services.AddScoped<IAuthenticationHandlerProvider, EndpointAuthenticationHandlerProvider>();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in options.TrustedProxies)
            {
                if (System.Net.IPNetwork.TryParse(proxy, out var network) && proxy.Contains('/')) forwarded.KnownIPNetworks.Add(network);
                else if (IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
                else throw new InvalidOperationException($"Gateway:TrustedProxies has '{proxy}', which is neither an address nor a CIDR range.");
            }
        });
        builder.Services.AddHttpClient("health", client => client.Timeout = TimeSpan.FromSeconds(5));

        var (routes, clusters) = ProxyRoutes.Build(ServiceAddresses.Read(builder.Configuration));
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        if (!TelemetryRegistration.IsExported(builder.Configuration))
        {
            builder.Services.AddSingleton<IForwarderHttpClientFactory, UntracedForwarderClientFactory>();
        }
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseCorrelationId();
        app.UseSecurityHeaders();
        app.UseRateLimiter();
        app.UseRequestSizeLimit();
        app.UseServiceDefaults();
        app.MapServicesHealth();
        // An /api path no service owns still needs a token, and then is a plain 404.
        app.MapMethods("/api/{**rest}", ["GET", "POST", "PUT", "PATCH", "DELETE"], () => TypedResults.Problem(
                statusCode: 404, title: "Không tìm thấy", detail: "Không có dịch vụ nào phục vụ địa chỉ này."))
            .RequireAuthorization();
        // The Dapr sidecar talks to each app directly; from outside, /dapr is nobody's business.
        app.MapMethods("/dapr/{**rest}", ["GET", "POST", "PUT", "PATCH", "DELETE"], () => TypedResults.Problem(
            statusCode: 404, title: "Không tìm thấy", detail: "Không có trang nào ở địa chỉ này."));
        app.MapReverseProxy();
        return app;
    }
}
