using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;
using Platform.Contracts;
using Platform.Tasks.Domain;
using Platform.Tasks.Grains;
using Platform.TestSupport;
using StackExchange.Redis;

namespace Platform.Tasks.Tests;

/// <summary>
/// Two silos configured as two Tasks pods are (<see cref="TasksSilo.ConfigureTasksSilo"/> with
/// Redis clustering, grain storage and reminders, on real TCP ports) and a client that finds them
/// through Redis: when one silo stops, the tasks it hosted come back on the other with their
/// state, and their deadline reminders still fire there. Orleans.TestingHost's in-process
/// cluster is not used here: its 10.x options keep membership in memory, not in Redis.
/// </summary>
public sealed class MultiSiloTests
{
    [Test]
    public async Task Tasks_of_a_stopped_silo_come_back_on_the_other_with_state_and_reminders()
    {
        var serviceId = "tasks-test-" + Guid.NewGuid().ToString("N");
        var boundary = TaskClock.StartOf(new DateOnly(2026, 11, 25));
        var clock = new MovableClock(boundary.AddSeconds(-25));
        var projection = new RecordingProjection();
        using var first = await StartSiloAsync(serviceId, clock, projection);
        using var second = await StartSiloAsync(serviceId, clock, projection);
        using var client = await StartClientAsync(serviceId);
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var management = grains.GetGrain<IManagementGrain>(0);
        Assert.That(await management.GetHosts(onlyActive: true), Has.Count.EqualTo(2));

        // Due soon from 25/11: each reminder is due about 25 real seconds from now.
        var ids = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var task = new NewTask(id, null, null, "Tham mưu kế hoạch đầu tư công", i % 2 == 0 ? "SYT" : "STC", [], new DateOnly(2026, 11, 30), "lanhdao", Secrecy.None);
            (await grains.GetGrain<ITaskGrain>(id).Create(task)).TaskOrThrow();
        }
        foreach (var id in ids.Take(4)) (await grains.GetGrain<ITaskGrain>(id).ReportProgress("chuyenvien", 40, "Đã dự thảo", [])).TaskOrThrow();
        var before = new Dictionary<Guid, (TaskState, int, int, DateTimeOffset?)>();
        foreach (var id in ids)
        {
            var task = (await grains.GetGrain<ITaskGrain>(id).Get())!;
            before[id] = (task.Status, task.Percent, task.History.Count, await grains.GetGrain<ITaskGrain>(id).NextReminder());
        }
        var hosts = await HostsAsync(management, grains, ids);
        var firstAddress = first.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var secondAddress = second.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var moved = ids.Where(id => hosts[id].Equals(firstAddress)).ToArray();
        Assert.That(moved, Is.Not.Empty, "the silo to stop hosts some tasks");
        Assert.That(moved, Has.Length.LessThan(ids.Length), "both silos host tasks");

        await first.StopAsync();
        Assert.That(clock.GetUtcNow(), Is.LessThan(boundary), "the silo stopped before any reminder was due");
        clock.SetUtcNow(boundary.AddMinutes(1));

        foreach (var id in ids)
        {
            var task = (await grains.GetGrain<ITaskGrain>(id).Get())!;
            Assert.That((task.Status, task.Percent, task.History.Count, await grains.GetGrain<ITaskGrain>(id).NextReminder()), Is.EqualTo(before[id]), $"task {id}");
        }
        Assert.That((await HostsAsync(management, grains, ids)).Values, Is.All.EqualTo(secondAddress), "every task now lives on the remaining silo");
        // Every task, the moved ones included, is woken by its own reminder on the remaining silo.
        foreach (var id in ids)
        {
            await Eventually.UntilAsync(
                () => Task.FromResult(projection.ActionsOf(id)), actions => actions.Contains(TaskAction.BecameDueSoon),
                TimeSpan.FromSeconds(90), $"the reminder of task {id} ({(moved.Contains(id) ? "moved" : "stayed")})");
        }
        await client.StopAsync();
        await second.StopAsync();
    }

    private static async Task<Dictionary<Guid, SiloAddress>> HostsAsync(IManagementGrain management, IClusterClient grains, Guid[] ids)
    {
        var wanted = ids.ToDictionary(id => grains.GetGrain<ITaskGrain>(id).GetGrainId(), id => id);
        var statistics = await management.GetDetailedGrainStatistics();
        return statistics.Where(s => wanted.ContainsKey(s.GrainId)).ToDictionary(s => wanted[s.GrainId], s => s.SiloAddress);
    }

    private static Dictionary<string, string?> Settings(string serviceId) => new()
    {
        ["ConnectionStrings:Redis"] = TestServers.Redis,
        ["Silo:Clustering"] = "redis",
        ["Silo:ServiceId"] = serviceId,
        ["Silo:ClusterId"] = "multi-silo",
        ["Silo:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Silo:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Tasks:DueSoonWorkingDays"] = "3",
        ["Tasks:ReminderPeriod"] = "00:01:00",
    };

    private static async Task<IHost> StartSiloAsync(string serviceId, MovableClock clock, RecordingProjection projection)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings(serviceId));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddTaskGrainServices(builder.Configuration);
        builder.Services.AddSingleton(new TaskClock(clock));
        builder.Services.AddSingleton<ITaskProjection>(projection);
        builder.UseOrleans(silo =>
        {
            silo.ConfigureTasksSilo(builder.Configuration);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<IHost> StartClientAsync(string serviceId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => { o.ServiceId = serviceId; o.ClusterId = "multi-silo"; });
            client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(TestServers.Redis));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
