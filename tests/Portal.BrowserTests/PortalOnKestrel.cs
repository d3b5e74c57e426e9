using System.Net;
using Microsoft.AspNetCore.Hosting;
using Platform.TestSupport;

namespace Platform.Portal.BrowserTests;

/// <summary>
/// The Portal listening on a free loopback port (a browser needs a socket, which the
/// in-memory test server does not have), on SQLite with the in-memory event bus.
/// </summary>
public sealed class PortalOnKestrel : IDisposable
{
    private readonly ServiceFactory<Program> _factory;

    public PortalOnKestrel()
    {
        var port = FreePorts.Next();
        _factory = new ServiceFactory<Program>(DatabaseKind.Sqlite, "portal");
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _factory.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    public void Dispose() => _factory.Dispose();
}
