using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Benchmarks.Harness;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.Redis;
using StackExchange.Redis;

namespace Platform.Benchmarks;

/// <summary>
/// Events through Redis Streams end to end: the real transport publishes (XADD), the real
/// consumer reads through its group (XREADGROUP), hands each entry to the delivery and
/// acknowledges it (XACK). The delivery only counts, so the number is the transport's own.
/// </summary>
public static class RedisStreamsBenchmark
{
    public const string Note =
        "Redis Streams: one operation = one CloudEvent published by RedisStreamsTransport and delivered by RedisStreamsConsumer "
        + "(default options: batch 20, XREADGROUP BLOCK on the consumer's own connection) to a delivery that only counts; latency is "
        + "publish call to delivery. A burst round publishes all its events at once (pipelined): ops/s is the consumer's drain rate "
        + "and latency is mostly queueing behind the burst. The paced round publishes one event every 25 ms (light load, so its "
        + "ops/s is the pace): its latency is that of a mostly idle consumer.";

    /// <summary>The event bus target of issue 10: p99 publish-to-handled under 10 ms at a steady 1,000 events per second.</summary>
    public const double SteadyRate = 1000;
    public const double SteadyP99TargetMs = 10;

    public static async Task<(IReadOnlyList<BenchmarkResult> Results, string Section)> RunAsync(
        string redisServer, int burst, int paced, int rounds, TimeSpan steadyFor)
    {
        var topic = $"bench-{Guid.NewGuid():N}";
        var counter = new CountingDelivery();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(new ServiceInfo("bench", Path.GetTempPath()))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IEventDelivery>(counter)
            // Only the topic matters to the consumer; the delivery above stands in for the handlers.
            .AddSingleton(new EventSubscription(topic, typeof(JsonElement), "count", (_, _, _, _) => Task.CompletedTask))
            .AddRedisConnection(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redisServer })
                .Build());
        services.AddOptions<EventBusOptions>();
        services.AddOptions<RedisStreamsOptions>();
        await using var provider = services.BuildServiceProvider();
        var transport = ActivatorUtilities.CreateInstance<RedisStreamsTransport>(provider);
        var consumer = ActivatorUtilities.CreateInstance<RedisStreamsConsumer>(provider);
        await consumer.StartAsync(CancellationToken.None);
        try
        {
            IReadOnlyList<BenchmarkResult> results =
            [
                await Measurement.RunAsync("Redis Streams publish → consume, burst", burst, rounds,
                    _ => BurstAsync(transport, counter, topic, burst), Note),
                await Measurement.RunAsync("Redis Streams publish → consume, paced every 25 ms", paced, rounds,
                    _ => PacedAsync(transport, counter, topic, paced, TimeSpan.FromMilliseconds(25)), Note),
            ];
            await SteadyAsync(transport, counter, topic, (int)(SteadyRate * 0.5)); // warm-up
            var steady = await SteadyAsync(transport, counter, topic, (int)(SteadyRate * steadyFor.TotalSeconds));
            return (results, SteadySection(steady));
        }
        finally
        {
            await consumer.StopAsync(CancellationToken.None);
            await provider.GetRequiredService<IConnectionMultiplexer>().GetDatabase().KeyDeleteAsync(topic);
        }
    }

    private static async Task<Round> BurstAsync(RedisStreamsTransport transport, CountingDelivery counter, string topic, int operations)
    {
        var published = new long[operations];
        var done = counter.Expect(operations, published);
        var started = Stopwatch.GetTimestamp();
        var sends = new Task[operations];
        for (var i = 0; i < operations; i++)
        {
            published[i] = Stopwatch.GetTimestamp();
            sends[i] = transport.PublishAsync(topic, Envelope(i), CancellationToken.None);
        }
        await Task.WhenAll(sends);
        var latencies = await done.WaitAsync(TimeSpan.FromMinutes(1));
        return new Round(operations, Stopwatch.GetElapsedTime(started), latencies);
    }

    /// <summary>Light load: an event every <paramref name="gap"/>, so the consumer is mostly idle between them.</summary>
    private static async Task<Round> PacedAsync(RedisStreamsTransport transport, CountingDelivery counter, string topic, int operations, TimeSpan gap)
    {
        var published = new long[operations];
        var done = counter.Expect(operations, published);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < operations; i++)
        {
            published[i] = Stopwatch.GetTimestamp();
            await transport.PublishAsync(topic, Envelope(i), CancellationToken.None);
            await Task.Delay(gap);
        }
        var latencies = await done.WaitAsync(TimeSpan.FromSeconds(30));
        return new Round(operations, Stopwatch.GetElapsedTime(started), latencies);
    }

    /// <summary>
    /// Events published on a fixed schedule (event i at i ms), not back to back, so a slow
    /// delivery shows as latency rather than as a lower rate; publishes are not awaited one by one.
    /// </summary>
    private static async Task<Round> SteadyAsync(RedisStreamsTransport transport, CountingDelivery counter, string topic, int operations)
    {
        var published = new long[operations];
        var done = counter.Expect(operations, published);
        var started = Stopwatch.GetTimestamp();
        var sends = new Task[operations];
        var gap = Stopwatch.Frequency / SteadyRate;
        // Each tick (about a millisecond: the timer's resolution) publishes the events that fell due since the last one.
        for (var i = 0; i < operations; await Task.Delay(1))
        {
            for (var now = Stopwatch.GetTimestamp(); i < operations && started + (long)(i * gap) <= now; i++)
            {
                published[i] = Stopwatch.GetTimestamp();
                sends[i] = transport.PublishAsync(topic, Envelope(i), CancellationToken.None);
            }
        }
        await Task.WhenAll(sends);
        var latencies = await done.WaitAsync(TimeSpan.FromMinutes(1));
        return new Round(operations, Stopwatch.GetElapsedTime(started), latencies);
    }

    private static string SteadySection(Round round)
    {
        var p50 = Measurement.Percentile(round.LatenciesMs, 0.50);
        var p99 = Measurement.Percentile(round.LatenciesMs, 0.99);
        var max = round.LatenciesMs.Max();
        Console.WriteLine($"Redis Streams steady {SteadyRate:0}/s: p50 {p50:0.00} ms, p99 {p99:0.00} ms, max {max:0.00} ms");
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $$"""
            ## Event bus: publish to handled at a steady {{SteadyRate:N0}} events/s
            
            {{round.Operations:N0}} CloudEvents published by RedisStreamsTransport on a fixed schedule ({{round.OpsPerSecond:N0}} events/s achieved)
            and delivered by RedisStreamsConsumer (XREADGROUP BLOCK on its own connection) to a delivery that only counts;
            latency is from the publish call to the delivery.
            
            | p50 | p99 | max | target | met |
            |---:|---:|---:|---|---|
            | {{p50:0.00}} ms | {{p99:0.00}} ms | {{max:0.00}} ms | p99 under {{SteadyP99TargetMs:0}} ms | {{(p99 < SteadyP99TargetMs ? "yes" : "no")}} |
            
            """);
    }

    private static string Envelope(int sequence) => new CloudEvent
    {
        Id = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Source = "bench",
        Type = "BenchEvent",
        Time = DateTimeOffset.UtcNow,
        Data = JsonSerializer.SerializeToElement(new { sequence, subject = "Về việc đo thông lượng" }, EventJson.Options),
    }.ToJson();

    /// <summary>Counts deliveries of the current round and notes each one's latency.</summary>
    private sealed class CountingDelivery : IEventDelivery
    {
        private readonly Lock _lock = new();
        private TaskCompletionSource<double[]> _done = new();
        private long[] _published = [];
        private double[] _latencies = [];
        private int _count;

        public Task<double[]> Expect(int operations, long[] published)
        {
            lock (_lock)
            {
                _done = new TaskCompletionSource<double[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                _published = published;
                _latencies = new double[operations];
                _count = 0;
                return _done.Task;
            }
        }

        public Task<DeliveryOutcome> DeliverAsync(string topic, string cloudEventJson, CancellationToken cancellationToken)
        {
            var now = Stopwatch.GetTimestamp();
            using var json = JsonDocument.Parse(cloudEventJson);
            var sequence = int.Parse(json.RootElement.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            lock (_lock)
            {
                if (_count == _latencies.Length) return Task.FromResult(DeliveryOutcome.Success);
                _latencies[_count] = Stopwatch.GetElapsedTime(_published[sequence], now).TotalMilliseconds;
                if (++_count == _latencies.Length) _done.TrySetResult(_latencies);
            }
            return Task.FromResult(DeliveryOutcome.Success);
        }
    }
}
