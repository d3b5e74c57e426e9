using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Platform.Tasks.Domain;
using Platform.Tasks.Grains;

namespace Platform.Tasks.Tests;

/// <summary>
/// An Orleans test cluster with the task grains, a fake clock and a recording projection.
/// Storage is Redis (PLATFORM_TEST_REDIS, a fresh service id per cluster so tests never see
/// each other's keys) or memory.
/// </summary>
public sealed class TaskCluster : IAsyncDisposable
{
    /// <summary>Monday 23 November 2026, 09:00 in Vietnam.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private TaskCluster(InProcessTestCluster cluster, MovableClock clock, RecordingProjection projection, string serviceId)
    {
        Cluster = cluster;
        Clock = clock;
        Projection = projection;
        ServiceId = serviceId;
    }

    public InProcessTestCluster Cluster { get; }
    public MovableClock Clock { get; }
    public RecordingProjection Projection { get; }
    public string ServiceId { get; }
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's own grain factory: its calls stay in the process, as the co-hosted API's do, so nothing is serialized.</summary>
    public IGrainFactory InSilo => Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();

    public static async Task<TaskCluster> StartAsync(
        bool redis = false, string? serviceId = null, MovableClock? clock = null, RecordingProjection? projection = null,
        string[]? holidays = null, StorageSwitch? storageSwitch = null)
    {
        clock ??= new MovableClock(Monday);
        projection ??= new RecordingProjection();
        serviceId ??= "tasks-test-" + Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string?>
        {
            ["Tasks:DueSoonWorkingDays"] = "3",
            ["Tasks:ReminderPeriod"] = "00:01:00",
        };
        for (var i = 0; i < (holidays ?? []).Length; i++) settings[$"Tasks:Holidays:{i}"] = holidays![i];
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        var redisConnection = redis ? Platform.TestSupport.TestServers.Redis : null;
        builder.ConfigureSilo((_, silo) =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            silo.AddTaskStorage(redis ? "redis" : "memory", redisConnection);
            if (storageSwitch is not null) storageSwitch.Install(silo.Services);
            silo.Services.AddTaskGrainServices(configuration);
            silo.Services.AddSingleton(new TaskClock(clock));
            silo.Services.AddSingleton<ITaskProjection>(projection);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TaskCluster(cluster, clock, projection, serviceId);
    }

    public ITaskGrain Task(Guid id) => Grains.GetGrain<ITaskGrain>(id);

    public async Task<(Guid Id, TaskRecord Record)> CreateAsync(DateOnly? deadline, string leadUnit = "SKHĐT")
    {
        var id = Guid.NewGuid();
        var outcome = await Task(id).Create(new NewTask(id, null, null, "Tham mưu kế hoạch đầu tư công", leadUnit, ["STC"], deadline, "lanhdao", Contracts.Secrecy.None));
        return (id, outcome.TaskOrThrow());
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

/// <summary>
/// Stands in for the database projection in grain tests: keeps what each task's history added,
/// skipping entries it has already seen, the way the read model's version does.
/// </summary>
public sealed class RecordingProjection : ITaskProjection
{
    private readonly Dictionary<Guid, int> _seen = [];
    private readonly List<(Guid TaskId, HistoryEntry Entry)> _entries = [];
    private readonly Lock _lock = new();

    public Task ProjectAsync(TaskRecord record, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var seen = _seen.GetValueOrDefault(record.Id);
            foreach (var entry in record.History.Skip(seen)) _entries.Add((record.Id, entry));
            _seen[record.Id] = Math.Max(seen, record.History.Count);
        }
        return System.Threading.Tasks.Task.CompletedTask;
    }

    public IReadOnlyList<TaskAction> ActionsOf(Guid taskId)
    {
        lock (_lock) return [.. _entries.Where(e => e.TaskId == taskId).Select(e => e.Entry.Action)];
    }
}

/// <summary>Turns the grains' storage off and on, as Redis goes away and comes back: writes fail while it is off.</summary>
public sealed class StorageSwitch
{
    public bool Down { get; set; }

    public void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.IsKeyedService && Equals(d.ServiceKey, TasksSilo.StorageName) && d.ServiceType == typeof(Orleans.Storage.IGrainStorage));
        services.AddKeyedSingleton<Orleans.Storage.IGrainStorage>(TasksSilo.StorageName,
            (provider, key) => new Switched((Orleans.Storage.IGrainStorage)original.KeyedImplementationFactory!(provider, key), this));
    }

    private sealed class Switched(Orleans.Storage.IGrainStorage inner, StorageSwitch storage) : Orleans.Storage.IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            storage.Down ? throw new InvalidOperationException("The grain storage does not answer.") : inner.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
