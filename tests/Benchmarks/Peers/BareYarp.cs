using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Platform.Benchmarks.Peers;

/// <summary>
/// YARP with nothing else: one catch-all route to the backend, no logging, no edge. Run as a
/// child process of the benchmark (`Benchmarks bare-yarp PORT BACKEND`), so that the proxy
/// compared with nginx is YARP itself and the platform gateway's edge shows as the difference.
/// </summary>
public static class BareYarp
{
    public const string Verb = "bare-yarp";

    public static async Task RunAsync(int port, Uri backend)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "backend", Match = new RouteMatch { Path = "{**rest}" } }],
            [new ClusterConfig { ClusterId = "backend", Destinations = new Dictionary<string, DestinationConfig> { ["one"] = new() { Address = backend.ToString() } } }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.RunAsync();
    }
}
