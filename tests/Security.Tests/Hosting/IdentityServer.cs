extern alias identity;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.TestSupport;

namespace Platform.Security.Tests.Hosting;

/// <summary>
/// services/Identity on a real loopback port (token validation fetches discovery and keys over
/// HTTP), optionally on a clock the test moves, with its own data folder unless given one.
/// </summary>
public sealed class IdentityServer : IAsyncDisposable
{
    private readonly Factory factory;

    private IdentityServer(Factory factory, Uri baseAddress)
    {
        this.factory = factory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public Uri Issuer => new(BaseAddress, "realms/platform");

    public static IdentityServer Start(string? dataFolder = null, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new Factory(dataFolder ?? TestServers.TempFolder("identity"), clock, settings ?? new Dictionary<string, string?>());
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new IdentityServer(factory, new Uri(address + "/"));
    }

    public string DataFolder => factory.DataFolder;

    public IServiceProvider Services => factory.Services;

    /// <summary>A browser: keeps cookies, follows no redirect by itself.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    private sealed class Factory(string dataFolder, TimeProvider? clock, IReadOnlyDictionary<string, string?> settings)
        : WebApplicationFactory<identity::Program>
    {
        public string DataFolder => dataFolder;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("DataFolder", dataFolder);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            if (clock is not null) builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
