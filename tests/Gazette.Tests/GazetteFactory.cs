using Microsoft.AspNetCore.Hosting;
using Platform.TestSupport;

namespace Platform.Gazette.Tests;

/// <summary>The Gazette service in memory on the given database.</summary>
public sealed class GazetteFactory(DatabaseKind database) : ServiceFactory<Program>(database, "gazette")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Deadline announcements within a test's patience rather than every half hour.
        builder.UseSetting("Gazette:DeadlineCheckInterval", "00:00:00.300");
    }
}
