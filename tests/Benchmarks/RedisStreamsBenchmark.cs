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
        + "(default options: batch 20, idle poll 100 ms) to a delivery that only counts; latency is publish call to delivery. "
        + "A burst round publishes all its events at once (pipelined): ops/s is the consumer's drain rate and latency is mostly "
        + "queueing behind the burst. The paced round publishes one event every 25 ms (light load, so its ops/s is the pace): "
        + "its latency is that of a mostly idle consumer, which looks again only after the idle poll interval.";

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(string redisServer, int burst, int paced, int rounds)
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
            return
            [
                await Measurement.RunAsync("Redis Streams publish → consume, burst", burst, rounds,
                    _ => BurstAsync(transport, counter, topic, burst), Note),
                await Measurement.RunAsync("Redis Streams publish → consume, paced every 25 ms", paced, rounds,
                    _ => PacedAsync(transport, counter, topic, paced, TimeSpan.FromMilliseconds(25)), Note),
            ];
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
