using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Identity.Tests.Support;

/// <summary>
/// services/Identity on a real loopback port (OpenIddict validation only talks to real HTTP handlers),
/// with its own data folder and a log sink the tests can read.
/// </summary>
public sealed class IdentityHost : IAsyncDisposable
{
    private readonly Factory factory;
    private readonly bool ownsDataFolder;

    private IdentityHost(Factory factory, Uri baseAddress, string dataFolder, bool ownsDataFolder, LogSink logs)
    {
        this.factory = factory;
        this.ownsDataFolder = ownsDataFolder;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
        Logs = logs;
    }

    public Uri BaseAddress { get; }
    public string DataFolder { get; }
    public LogSink Logs { get; }
    public string Issuer => BaseAddress.AbsoluteUri.TrimEnd('/') + "/realms/platform";
    public IServiceProvider Services => factory.Services;

    /// <summary>Starts a host; a data folder it makes itself is deleted when it stops, one it is given is kept.</summary>
    public static IdentityHost Start(string? dataFolder = null, int port = 0, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var ownsDataFolder = dataFolder is null;
        dataFolder ??= NewDataFolder();
        var logs = new LogSink();
        var factory = new Factory(dataFolder, settings ?? new Dictionary<string, string?>(), logs);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new IdentityHost(factory, new Uri(address + "/"), dataFolder, ownsDataFolder, logs);
    }

    public static string NewDataFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "identity-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A browser-like client: keeps cookies, never follows redirects by itself.</summary>
    public HttpClient CreateBrowser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        if (ownsDataFolder) DeleteDataFolder(DataFolder);
    }

    public static void DeleteDataFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover folder in the temp directory harms nothing.
        }
    }

    private sealed class Factory(string dataFolder, IReadOnlyDictionary<string, string?> settings, LogSink logs) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("DataFolder", dataFolder);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        }
    }
}
