using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Platform.ServiceDefaults.Events.InMemory;

/// <summary>
/// A broker inside one process, for tests: each consumer group gets every message of the
/// topics it subscribed to, retried up to the attempt limit, then dead-lettered.
/// </summary>
/// <remarks>
/// It keeps every message for its lifetime, so a group that subscribes late still gets what
/// was published before, as a Redis group created at 0 does. That matters since .NET 10 runs
/// a BackgroundService's ExecuteAsync after StartAsync returns: a consumer registers its
/// queue some time after the host started, possibly after the first publish.
/// </remarks>
public sealed class InMemoryEventBroker
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<string>> _history = new();
    private readonly Dictionary<(string Group, string Topic), Channel<string>> _queues = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _deadLetters = new();

    public IReadOnlyCollection<string> DeadLetters(string topic) =>
        _deadLetters.TryGetValue(EventTopics.DeadLetterOf(topic), out var queue) ? queue.ToArray() : [];

    public ValueTask PublishAsync(string topic, string cloudEventJson, CancellationToken cancellationToken)
    {
        if (topic.EndsWith(Platform.Contracts.Topics.DeadLetterSuffix, StringComparison.Ordinal))
        {
            _deadLetters.GetOrAdd(topic, _ => new ConcurrentQueue<string>()).Enqueue(cloudEventJson);
        }
        lock (_lock)
        {
            HistoryOf(topic).Add(cloudEventJson);
            foreach (var ((_, queueTopic), channel) in _queues)
            {
                if (queueTopic == topic) channel.Writer.TryWrite(cloudEventJson);
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Registers a consumer group on a topic and pumps its messages until cancelled.</summary>
    public Task RunConsumerAsync(string group, string topic, IEventDelivery delivery, int maxAttempts, CancellationToken cancellationToken)
    {
        Channel<string>? channel;
        lock (_lock)
        {
            if (!_queues.TryGetValue((group, topic), out channel))
            {
                channel = Channel.CreateUnbounded<string>();
                foreach (var earlier in HistoryOf(topic)) channel.Writer.TryWrite(earlier);
                _queues[(group, topic)] = channel;
            }
        }
        return Task.Run(async () =>
        {
            await foreach (var message in channel.Reader.ReadAllAsync(cancellationToken))
            {
                for (var attempt = 1; ; attempt++)
                {
                    var outcome = await delivery.DeliverAsync(topic, message, cancellationToken);
                    if (outcome == DeliveryOutcome.Success) break;
                    if (outcome == DeliveryOutcome.Drop || attempt >= maxAttempts)
                    {
                        await PublishAsync(EventTopics.DeadLetterOf(topic), message, cancellationToken);
                        break;
                    }
                    await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
                }
            }
        }, cancellationToken);
    }

    private List<string> HistoryOf(string topic)
    {
        if (!_history.TryGetValue(topic, out var messages)) _history[topic] = messages = [];
        return messages;
    }
}
