using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.Redis;
using Platform.ServiceDefaults.Tests.Support;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// EventBus:Redis:MaxConcurrentDeliveries above 1: one read batch is delivered concurrently,
/// through the real inbox on both databases. (Strict order with the default of 1 is what
/// <see cref="RedisStreamsTransportTests"/> and the ordering tests already cover.)
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class RedisStreamsConcurrentDeliveryTests(string provider) : RedisStreamsFixture(provider)
{
    private const int Concurrency = 4;

    private static readonly Dictionary<string, string?> Concurrent = new()
    {
        ["EventBus:Redis:MaxConcurrentDeliveries"] = Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Test]
    public async Task Entries_of_one_batch_are_in_the_handlers_at_the_same_time()
    {
        // SQLite's inbox transaction takes the write lock at BEGIN (IMMEDIATE), so there the
        // handlers of one service run one after another by design; only PostgreSQL overlaps them.
        Assume.That(Database.Provider, Is.EqualTo(TestDatabase.PostgreSql));
        var (topic, group) = NewTopicAndGroup("in-flight");
        var ids = await AddPingsAsync(topic, Concurrency);
        var barrier = new InFlightBarrier(Concurrency);

        await StartHostAsync(group, services => services.AddSingleton(barrier).AddHandlerOn<Ping, BarrierHandler>(topic), settings: Concurrent);

        // Fails if the entries are delivered one by one: the first handler then waits alone.
        await barrier.AllInFlight.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await AllHandledOnceAndAcknowledgedAsync(topic, group, ids);
        Assert.That(barrier.GaveUp, Is.Zero, "no handler timed out waiting for the others");
    }

    [Test]
    public async Task Burst_is_handled_once_each_without_errors()
    {
        var (topic, group) = NewTopicAndGroup("burst");
        var ids = await AddPingsAsync(topic, 40);
        var logs = new CapturedLogs();

        await StartHostAsync(group, services => services.AddHandlerOn<Ping, RecordingHandler>(topic), logs, Concurrent);

        await AllHandledOnceAndAcknowledgedAsync(topic, group, ids);
        // On SQLite the concurrent inbox transactions wait for each other's lock; none may fail.
        Assert.That(logs.At(LogLevel.Warning).Concat(logs.At(LogLevel.Error)), Is.Empty);
        Assert.That(await Redis.StreamLengthAsync(EventTopics.DeadLetterOf(topic)), Is.Zero);
    }

    [Test]
    public async Task Failing_entry_stays_pending_while_the_others_are_acknowledged_and_is_reclaimed()
    {
        var (topic, group) = NewTopicAndGroup("fail-once");
        var ids = await AddPingsAsync(topic, Concurrency * 2, failOnceAt: 3);
        var logs = new CapturedLogs();

        var host = await StartHostAsync(group, services => services.AddHandlerOn<Ping, FailOnceHandler>(topic), logs, Concurrent);

        await AllHandledOnceAndAcknowledgedAsync(topic, group, ids);
        Assert.That(host.Services.GetRequiredService<HandlerProbe>().Calls, Is.EqualTo(ids.Count + 1), "one redelivery");
        Assert.That(logs.At(LogLevel.Information).Count(m => m.Contains("Reclaimed entry")), Is.EqualTo(1));
        Assert.That(await Redis.StreamLengthAsync(EventTopics.DeadLetterOf(topic)), Is.Zero);
    }

    private async Task<List<string>> AddPingsAsync(string topic, int count, int failOnceAt = -1)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var envelope = TestSubscriptions.CloudEventOf(new Ping(Guid.NewGuid(), i == failOnceAt ? FailOnceHandler.Marker : $"số {i}"));
            await Redis.StreamAddAsync(topic, StreamFields.Data, envelope.ToJson());
            ids.Add(envelope.Id);
        }
        return ids;
    }

    private async Task AllHandledOnceAndAcknowledgedAsync(string topic, string group, List<string> ids)
    {
        var handled = await Eventually.Returns(
            async () =>
            {
                await using var db = Database.NewContext();
                return await db.HandledEvents.Where(h => h.Topic == topic).Select(h => h.EventId).ToListAsync();
            },
            rows => rows.Count >= ids.Count,
            $"{ids.Count} events on {topic} are handled");
        Assert.That(handled, Is.EquivalentTo(ids), "each event handled exactly once");
        await Eventually.True(async () => (await Redis.StreamPendingAsync(topic, group)).PendingMessageCount == 0,
            "every entry is acknowledged");
    }
}

/// <summary>Opens once the given number of handlers are inside at the same time.</summary>
public sealed class InFlightBarrier(int expected)
{
    private int _inFlight;
    private int _gaveUp;

    public TaskCompletionSource AllInFlight { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Handlers that stopped waiting for the others.</summary>
    public int GaveUp => Volatile.Read(ref _gaveUp);

    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _inFlight) >= expected) AllInFlight.TrySetResult();
        try
        {
            await AllInFlight.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
        catch (TimeoutException)
        {
            Interlocked.Increment(ref _gaveUp);
            throw;
        }
    }
}

/// <summary>Records like <see cref="RecordingHandler"/>, once every handler of the batch is in flight.</summary>
public sealed class BarrierHandler(TestDbContext db, HandlerProbe probe, InFlightBarrier barrier) : IEventHandler<Ping>
{
    public async Task HandleAsync(Ping @event, EventContext context, CancellationToken cancellationToken)
    {
        await barrier.EnterAsync(cancellationToken);
        await new RecordingHandler(db, probe).HandleAsync(@event, context, cancellationToken);
    }
}

/// <summary>Records like <see cref="RecordingHandler"/>, but fails the first delivery of the marked ping.</summary>
public sealed class FailOnceHandler(TestDbContext db, HandlerProbe probe) : IEventHandler<Ping>
{
    public const string Marker = "fail once";
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, bool> Failed = new();

    public Task HandleAsync(Ping @event, EventContext context, CancellationToken cancellationToken)
    {
        if (@event.Text == Marker && Failed.TryAdd(@event.Id, true))
        {
            probe.Called();
            throw new InvalidOperationException("the first delivery of this ping fails");
        }
        return new RecordingHandler(db, probe).HandleAsync(@event, context, cancellationToken);
    }
}
