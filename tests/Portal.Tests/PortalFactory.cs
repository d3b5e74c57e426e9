using Microsoft.AspNetCore.Hosting;
using Platform.TestSupport;

namespace Platform.Portal.Tests;

/// <summary>The Portal service in memory on the given database.</summary>
public sealed class PortalFactory(DatabaseKind database) : ServiceFactory<Program>(database, "portal");

public static class PortalHostSettings
{
    /// <summary>
    /// Documents and Gazette down: their addresses are a closed port that answers nothing, so
    /// pages and search can only read the portal's own copy.
    /// </summary>
    public static IWebHostBuilder WithOtherServicesDown(this IWebHostBuilder web)
    {
        var closedPort = FreePorts.Next();
        return web
            .UseSetting("Services:documents", $"http://127.0.0.1:{closedPort}/")
            .UseSetting("Services:gazette", $"http://127.0.0.1:{closedPort}/");
    }
}
