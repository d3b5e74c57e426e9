namespace Platform.ServiceDefaults.Events;

/// <summary>
/// The broker side of the event bus: Redis Streams, Dapr or in-memory. Only the outbox
/// dispatcher publishes through it, so every published event was committed first.
/// </summary>
public interface IEventTransport
{
    Task PublishAsync(string topic, string cloudEventJson, CancellationToken cancellationToken);
}

/// <summary>What a transport does with a message after the handlers ran; Dapr's own three answers.</summary>
public enum DeliveryOutcome
{
    /// <summary>Handled (or handled before): acknowledge.</summary>
    Success,
    /// <summary>A handler failed: deliver again later.</summary>
    Retry,
    /// <summary>Can never succeed (not a CloudEvent, data of the wrong shape): dead-letter it.</summary>
    Drop,
}

/// <summary>Transports hand every received message to this, which runs the handlers through the inbox.</summary>
public interface IEventDelivery
{
    Task<DeliveryOutcome> DeliverAsync(string topic, string cloudEventJson, CancellationToken cancellationToken);
}
