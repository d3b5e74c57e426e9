using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Tasks.Grains;
using Platform.TestSupport;

namespace Platform.Tasks.Tests;

/// <summary>
/// The Tasks service in memory on the given database, its co-hosted silo on Redis
/// (PLATFORM_TEST_REDIS) under a service id of its own, and the rules on a movable clock;
/// <paramref name="settings"/> adds configuration (for example the SMTP sender).
/// </summary>
public sealed class TasksFactory(DatabaseKind database, IReadOnlyDictionary<string, string>? settings = null)
    : ServiceFactory<Program>(database, "tasks")
{
    public MovableClock Clock { get; } = new(TaskCluster.Monday);

    public string ServiceId { get; } = "tasks-test-" + Guid.NewGuid().ToString("N");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Redis", TestServers.Redis);
        builder.UseSetting("Silo:ServiceId", ServiceId);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton(new TaskClock(Clock)));
    }

    public ITaskGrain Task(Guid id) => Services.GetRequiredService<IGrainFactory>().GetGrain<ITaskGrain>(id);
}
