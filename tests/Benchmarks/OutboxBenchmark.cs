using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Benchmarks.Harness;
using Platform.Benchmarks.Storage;
using Platform.Contracts;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.InMemory;
using Platform.ServiceDefaults.Events.Outbox;

namespace Platform.Benchmarks;

/// <summary>
/// The outbox under a stream of commits: each state change is saved with its event in one
/// transaction, and the service's own dispatcher (woken by the commit) publishes to the
/// in-memory broker. The round ends when the last event has reached a subscriber.
/// </summary>
public static class OutboxBenchmark
{
    public const string Note =
        "outbox: one operation = one committed state change (a row + its event in one SaveChanges) from a single writer, counted when the "
        + "OutboxDispatcher has published it to the in-memory broker; ops/s is changes per second from the first commit to the last event "
        + "received, latency is start of the commit to receipt. The dispatcher marks each row sent with a SaveChanges of its own, so "
        + "it publishes no faster than the database commits, and a writer at full speed builds a backlog: latency is mostly that backlog.";

    public static async Task<BenchmarkResult> RunAsync(DatabaseKind kind, string? postgres, int operations, int rounds)
    {
        await using var database = await BenchDatabase.CreateAsync(kind, postgres);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["EventBus:Transport"] = "inmemory";
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new ServiceInfo("bench", Path.GetTempPath()));
        database.Register(builder.Services);
        builder.AddEventBus();
        using var host = builder.Build();
        await host.StartAsync();
        var counter = new SequenceCounter();
        using var stop = new CancellationTokenSource();
        var subscriber = host.Services.GetRequiredService<InMemoryEventBroker>()
            .RunConsumerAsync("bench-subscriber", BenchStateChanged.Topic, counter, 1, stop.Token);
        try
        {
            var sequence = 0;
            return await Measurement.RunAsync($"outbox commit → published, {kind}", operations, rounds, async _ =>
            {
                var first = sequence;
                sequence += operations;
                return await RoundAsync(host.Services, counter, first, operations);
            }, Note);
        }
        finally
        {
            await stop.CancelAsync();
            await subscriber.ContinueWith(_ => { }, TaskScheduler.Default);
            await host.StopAsync();
        }
    }

    private static async Task<Round> RoundAsync(IServiceProvider services, SequenceCounter counter, int first, int operations)
    {
        var committing = new long[operations];
        var done = counter.Expect(first, committing);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < operations; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            var item = new BenchItem { Id = Guid.CreateVersion7(), Sequence = first + i, Note = "Cập nhật trạng thái" };
            db.Items.Add(item);
            outbox.Add(new BenchStateChanged(item.Id, item.Sequence));
            // Stamped before the commit: the dispatcher is woken inside SaveChanges and may publish before it returns.
            committing[i] = Stopwatch.GetTimestamp();
            await db.SaveChangesAsync();
        }
        var latencies = await done.WaitAsync(TimeSpan.FromMinutes(1));
        return new Round(operations, Stopwatch.GetElapsedTime(started), latencies);
    }

    private sealed class SequenceCounter : IEventDelivery
    {
        private readonly Lock _lock = new();
        private TaskCompletionSource<double[]> _done = new();
        private long[] _committing = [];
        private double[] _latencies = [];
        private int _first;
        private int _count;

        public Task<double[]> Expect(int first, long[] committing)
        {
            lock (_lock)
            {
                _done = new TaskCompletionSource<double[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                _first = first;
                _committing = committing;
                _latencies = new double[committing.Length];
                _count = 0;
                return _done.Task;
            }
        }

        public Task<DeliveryOutcome> DeliverAsync(string topic, string cloudEventJson, CancellationToken cancellationToken)
        {
            var now = Stopwatch.GetTimestamp();
            var envelope = CloudEvent.TryParse(cloudEventJson)!;
            var index = envelope.Data.Deserialize<BenchStateChanged>(EventJson.Options)!.Sequence - _first;
            lock (_lock)
            {
                if (index < 0 || index >= _committing.Length || _count == _latencies.Length) return Task.FromResult(DeliveryOutcome.Success);
                _latencies[_count] = Stopwatch.GetElapsedTime(_committing[index], now).TotalMilliseconds;
                if (++_count == _latencies.Length) _done.TrySetResult(_latencies);
            }
            return Task.FromResult(DeliveryOutcome.Success);
        }
    }
}

/// <summary>The event a benchmark state change raises.</summary>
[Topic(Topic)]
public sealed record BenchStateChanged(Guid ItemId, int Sequence)
{
    public const string Topic = "bench-state-changed";
}
