using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Events.InMemory;

/// <summary>Publishes into the process's <see cref="InMemoryEventBroker"/>.</summary>
public sealed class InMemoryTransport(InMemoryEventBroker broker) : IEventTransport
{
    public Task PublishAsync(string topic, string cloudEventJson, CancellationToken cancellationToken) =>
        broker.PublishAsync(topic, cloudEventJson, cancellationToken).AsTask();
}

/// <summary>Subscribes this service's handlers to the in-process broker.</summary>
public sealed class InMemoryConsumer(
    InMemoryEventBroker broker,
    IEventDelivery delivery,
    IEnumerable<EventSubscription> subscriptions,
    ServiceInfo service,
    IOptions<EventBusOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = options.Value.ConsumerGroup ?? service.AppId;
        var consumers = subscriptions.Select(s => s.Topic).Distinct()
            .Select(topic => broker.RunConsumerAsync(group, topic, delivery, options.Value.MaxDeliveryAttempts, stoppingToken));
        return Task.WhenAll(consumers).ContinueWith(_ => { }, CancellationToken.None);
    }
}
