using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Gateway.Tests;

/// <summary>The gateway in memory, in front of the given backends.</summary>
public sealed class GatewayFactory(IReadOnlyDictionary<string, Uri> backends, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Identity:Issuer", "http://127.0.0.1:9/realms/platform");
        foreach (var (name, url) in backends) builder.UseSetting($"Services:{name}", url.ToString());
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }
}
