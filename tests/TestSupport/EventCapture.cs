using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.InMemory;

namespace Platform.TestSupport;

/// <summary>Listens on an in-memory broker topic as another service would, and keeps what arrives.</summary>
public sealed class EventCapture : IEventDelivery, IDisposable
{
    private readonly ConcurrentQueue<CloudEvent> _received = new();
    private readonly Channel<CloudEvent> _unread = Channel.CreateUnbounded<CloudEvent>();
    private readonly CancellationTokenSource _stop = new();

    public EventCapture(InMemoryEventBroker broker, string topic)
    {
        _ = broker.RunConsumerAsync("capture-" + Guid.NewGuid().ToString("N"), topic, this, 1, _stop.Token);
    }

    public IReadOnlyCollection<CloudEvent> Received => _received.ToArray();

    public Task<DeliveryOutcome> DeliverAsync(string topic, string cloudEventJson, CancellationToken cancellationToken)
    {
        var envelope = CloudEvent.TryParse(cloudEventJson) ?? throw new InvalidOperationException("Not a CloudEvent: " + cloudEventJson);
        _received.Enqueue(envelope);
        _unread.Writer.TryWrite(envelope);
        return Task.FromResult(DeliveryOutcome.Success);
    }

    /// <summary>
    /// The data of the next unread event that matches; fails after a timeout. A new consumer
    /// group also receives what was published on the topic before it joined (as a Redis group
    /// created at 0 does), so tests say which event they wait for.
    /// </summary>
    public async Task<T> NextAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null)
    {
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var envelope = await _unread.Reader.ReadAsync(wait.Token);
                var data = envelope.Data.Deserialize<T>(EventJson.Options)!;
                if (match is null || match(data)) return data;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No event arrived in time.");
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
