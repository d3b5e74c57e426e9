using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Tasks.Grains;
using Platform.TestSupport;

namespace Platform.Tasks.Tests;

/// <summary>
/// The Tasks service in memory on the given database, its co-hosted silo on Redis
/// (PLATFORM_TEST_REDIS) under a service id of its own, and the rules on a movable clock.
/// </summary>
public sealed class TasksFactory(DatabaseKind database) : ServiceFactory<Program>(database, "tasks")
{
    public MovableClock Clock { get; } = new(TaskCluster.Monday);

    public string ServiceId { get; } = "tasks-test-" + Guid.NewGuid().ToString("N");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Redis", TestServers.Redis);
        builder.UseSetting("Silo:ServiceId", ServiceId);
        builder.ConfigureServices(services => services.AddSingleton(new TaskClock(Clock)));
    }

    public ITaskGrain Task(Guid id) => Services.GetRequiredService<IGrainFactory>().GetGrain<ITaskGrain>(id);
}
