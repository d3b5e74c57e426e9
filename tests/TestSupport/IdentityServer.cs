using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.TestSupport;

/// <summary>
/// services/Identity on a real loopback port (token validation and the OpenIddict client fetch discovery
/// and keys over HTTP), optionally on a clock the test moves, on a given port (the issuer names it, so a
/// restart that must keep the issuer reuses it), with its own data folder unless given one (its own is
/// deleted when it stops, a given one kept), and with a <see cref="LogSink"/> that sees everything it logs.
/// Each test project names Identity's Program through its own alias (every service's Program is global),
/// so it is a type argument here rather than a reference of this project.
/// </summary>
public sealed class IdentityServer : IAsyncDisposable
{
    private readonly IAsyncDisposable owner;
    private readonly bool ownsDataFolder;

    private IdentityServer(IAsyncDisposable owner, IServiceProvider services, Uri baseAddress, string dataFolder, bool ownsDataFolder, LogSink? logs)
    {
        this.owner = owner;
        this.ownsDataFolder = ownsDataFolder;
        Services = services;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
        Logs = logs;
    }

    public Uri BaseAddress { get; }
    public Uri Issuer => new(BaseAddress, "realms/platform");
    public string DataFolder { get; }
    public IServiceProvider Services { get; }

    /// <summary>Every line it logged, from Debug up, when started with a sink; otherwise it logs warnings only.</summary>
    public LogSink? Logs { get; }

    public static IdentityServer Start<TProgram>(string? dataFolder = null, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null,
        int port = 0, LogSink? logs = null)
        where TProgram : class
    {
        var folder = dataFolder ?? TestServers.TempFolder("identity");
        var factory = new Factory<TProgram>(folder, clock, settings ?? new Dictionary<string, string?>(), logs);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new IdentityServer(factory, factory.Services, new Uri(address + "/"), folder, dataFolder is null, logs);
    }

    /// <summary>A browser: keeps cookies, follows no redirect by itself.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await owner.DisposeAsync();
        if (ownsDataFolder) DeleteFolder(DataFolder);
    }

    /// <summary>Best effort: a folder left in the temp directory harms nothing.</summary>
    public static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class Factory<TProgram>(string dataFolder, TimeProvider? clock, IReadOnlyDictionary<string, string?> settings, LogSink? logs)
        : WebApplicationFactory<TProgram>
        where TProgram : class
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("DataFolder", dataFolder);
            if (logs is null) builder.UseSetting("Logging:LogLevel:Default", "Warning");
            else builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            if (clock is not null) builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }
}
