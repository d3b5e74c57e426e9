using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Events.Redis;
using Platform.ServiceDefaults.Tests.Support;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// Redis killed and started again under a running service (issue 10): nothing is lost or handled twice,
/// the broker check reports the outage, and the service catches up by itself soon after Redis returns.
/// The event bus runs with its production timings (30 s processing timeout, 5 s reclaim interval), so a
/// catch-up that waited for the idle-time reclaim would miss the bound.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RedisRestartTests
{
    /// <summary>Generous for a loaded machine, yet below the 30 s processing timeout the reclaim pass waits for.</summary>
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(15);

    private readonly TestDatabase _database = new(TestDatabase.Sqlite);
    private PrivateRedis _redis = null!;
    private IHost? _host;

    [OneTimeSetUp]
    public Task CreateDatabase() => _database.CreateAsync();

    [OneTimeTearDown]
    public Task DropDatabase() => _database.DropAsync();

    [SetUp]
    public Task StartRedis()
    {
        _redis = new PrivateRedis();
        return _redis.StartAsync();
    }

    [TearDown]
    public async Task StopHostAndRedis()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
            _host = null;
        }
        _redis.Dispose();
    }

    [Test]
    public async Task Events_committed_while_Redis_is_down_are_handled_once_soon_after_it_returns_and_readiness_follows()
    {
        var host = await StartHostAsync(services => services.AddHandlerOn<Ping, RecordingHandler>(Ping.Topic));
        var before = await CommitPingAsync(host, "trước sự cố");
        await HandledAsync([before]);

        _redis.Kill();
        await Eventually.True(async () => await BrokerStatusAsync(host) != HealthStatus.Healthy,
            "the broker check reports Redis down", TimeSpan.FromSeconds(30));
        // Commits go on through the outage, long enough for every retry backoff to grow.
        var during = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            during.Add(await CommitPingAsync(host, $"trong sự cố {i}"));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        Assert.That(await BrokerStatusAsync(host), Is.Not.EqualTo(HealthStatus.Healthy), "still not ready while Redis is down");

        await _redis.StartAsync();
        var watch = Stopwatch.StartNew();
        await HandledAsync(during);
        TestContext.Progress.WriteLine($"events committed during the outage handled {watch.Elapsed.TotalSeconds:F1} s after Redis answered again");
        await Eventually.True(async () => await BrokerStatusAsync(host) == HealthStatus.Healthy,
            "the broker check is healthy again", CatchUp);
        await AssertHandledOnceAsync([before, .. during]);
    }

    [Test]
    public async Task Entries_a_consumer_held_when_Redis_died_are_handled_once_soon_after_it_returns()
    {
        var dependency = new Dependency();
        var topic = TestSubscriptions.UniqueTopic("restart");
        var group = TestHosts.AppId + "-restart";
        var ids = new List<Guid>();
        await using (var publisher = await ConnectionMultiplexer.ConnectAsync(_redis.Connection))
        {
            // On the stream before the consumer starts, so its first read takes all five.
            for (var i = 0; i < 5; i++)
            {
                var envelope = TestSubscriptions.CloudEventOf(new Ping(Guid.NewGuid(), $"dở dang {i}"));
                ids.Add(Guid.Parse(envelope.Id));
                await publisher.GetDatabase().StreamAddAsync(topic, StreamFields.Data, envelope.ToJson());
            }
            await StartHostAsync(services => services
                .AddSingleton(dependency)
                .AddHandlerOn<Ping, DependentHandler>(topic));
            await dependency.Reached.Task.WaitAsync(TimeSpan.FromSeconds(20));
            var pending = await publisher.GetDatabase().StreamPendingAsync(topic, group);
            Assert.That(pending.PendingMessageCount, Is.EqualTo(5), "the consumer read all five in one batch");
        }

        // Redis dies while the handler runs; the handler's own dependency fails with it, so every entry of the
        // batch is left pending with this consumer.
        _redis.Kill();
        dependency.Down = true;
        dependency.Release.TrySetResult();
        var handlerCalls = _host!.Services.GetRequiredService<HandlerProbe>();
        await Eventually.True(() => Task.FromResult(handlerCalls.Calls >= 5), "the five deliveries failed");
        dependency.Down = false;

        await _redis.StartAsync();
        var watch = Stopwatch.StartNew();
        await HandledAsync(ids);
        TestContext.Progress.WriteLine($"entries pending at the crash handled {watch.Elapsed.TotalSeconds:F1} s after Redis answered again");
        await using (var probe = await ConnectionMultiplexer.ConnectAsync(_redis.Connection))
        {
            await Eventually.True(async () => (await probe.GetDatabase().StreamPendingAsync(topic, group)).PendingMessageCount == 0,
                "every entry is acknowledged", CatchUp);
        }
        await AssertHandledOnceAsync(ids);
    }

    private async Task<IHost> StartHostAsync(Action<IServiceCollection> configure)
    {
        // The production timings of EventBusOptions and RedisStreamsOptions: only the connection and group are set.
        var settings = new Dictionary<string, string?>
        {
            ["EventBus:Transport"] = "redis",
            ["EventBus:ConsumerGroup"] = TestHosts.AppId + "-restart",
            ["ConnectionStrings:Redis"] = _redis.Connection,
        };
        _host = TestHosts.Build(_database, settings, configure);
        await _host.StartAsync();
        return _host;
    }

    private static async Task<Guid> CommitPingAsync(IHost host, string text)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        var ping = new Ping(Guid.NewGuid(), text);
        db.Notes.Add(new Note { Id = ping.Id, Text = ping.Text });
        var eventId = scope.ServiceProvider.GetRequiredService<Outbox>().Add(ping);
        await db.SaveChangesAsync();
        return eventId;
    }

    private static async Task<HealthStatus> BrokerStatusAsync(IHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == "broker"))
        .Entries["broker"].Status;

    private Task HandledAsync(IReadOnlyCollection<Guid> eventIds)
    {
        var wanted = eventIds.Select(id => id.ToString()).ToList();
        return Eventually.Returns(
            async () =>
            {
                await using var db = _database.NewContext();
                return await db.HandledEvents.Where(h => wanted.Contains(h.EventId)).Select(h => h.EventId).Distinct().CountAsync();
            },
            handled => handled == wanted.Count,
            $"all {wanted.Count} events are handled",
            CatchUp);
    }

    private async Task AssertHandledOnceAsync(IReadOnlyCollection<Guid> eventIds)
    {
        var wanted = eventIds.Select(id => id.ToString()).ToList();
        await using var db = _database.NewContext();
        var rows = await db.HandledEvents.Where(h => wanted.Contains(h.EventId)).Select(h => h.EventId).ToListAsync();
        Assert.That(rows, Is.EquivalentTo(wanted), "every event handled exactly once");
    }

    /// <summary>What <see cref="DependentHandler"/> relies on: it holds the first call until released, and fails while down.</summary>
    public sealed class Dependency
    {
        public volatile bool Down;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Records like <see cref="RecordingHandler"/>, but needs a dependency that may be down (a grain on the same Redis).</summary>
    public sealed class DependentHandler(TestDbContext db, HandlerProbe probe, Dependency dependency) : IEventHandler<Ping>
    {
        public async Task HandleAsync(Ping @event, EventContext context, CancellationToken cancellationToken)
        {
            dependency.Reached.TrySetResult();
            await dependency.Release.Task.WaitAsync(cancellationToken);
            probe.Called();
            if (dependency.Down) throw new InvalidOperationException("the handler's dependency is down");
            db.HandledEvents.Add(HandledEvent.Of(@event, context));
        }
    }
}
