using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.TestSupport;

/// <summary>
/// services/Identity on a real loopback port (token validation and the OpenIddict client fetch discovery
/// and keys over HTTP), optionally on a clock the test moves, with its own data folder unless given one.
/// Each test project names Identity's Program through its own alias (every service's Program is global),
/// so it is a type argument here rather than a reference of this project.
/// </summary>
public sealed class IdentityServer : IAsyncDisposable
{
    private readonly IAsyncDisposable owner;

    private IdentityServer(IAsyncDisposable owner, IServiceProvider services, Uri baseAddress, string dataFolder)
    {
        this.owner = owner;
        Services = services;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
    }

    public Uri BaseAddress { get; }
    public Uri Issuer => new(BaseAddress, "realms/platform");
    public string DataFolder { get; }
    public IServiceProvider Services { get; }

    public static IdentityServer Start<TProgram>(string? dataFolder = null, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
        where TProgram : class
    {
        var folder = dataFolder ?? TestServers.TempFolder("identity");
        var factory = new Factory<TProgram>(folder, clock, settings ?? new Dictionary<string, string?>());
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new IdentityServer(factory, factory.Services, new Uri(address + "/"), folder);
    }

    /// <summary>A browser: keeps cookies, follows no redirect by itself.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };

    public ValueTask DisposeAsync() => owner.DisposeAsync();

    private sealed class Factory<TProgram>(string dataFolder, TimeProvider? clock, IReadOnlyDictionary<string, string?> settings)
        : WebApplicationFactory<TProgram>
        where TProgram : class
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("DataFolder", dataFolder);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            if (clock is not null) builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }
}
