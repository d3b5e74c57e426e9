namespace Platform.ServiceDefaults.Events;

/// <summary>Settings of the event bus, section "EventBus".</summary>
public sealed class EventBusOptions
{
    public const string Section = "EventBus";

    /// <summary>"redis" (the make run default), "dapr" (Kubernetes) or "inmemory" (tests in one process).</summary>
    public string Transport { get; set; } = "redis";

    /// <summary>Redis consumer group / Dapr app id; defaults to the service's app id.</summary>
    public string? ConsumerGroup { get; set; }

    /// <summary>Deliveries of one message before it goes to the dead-letter topic.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>How long a message may stay unacknowledged before another consumer reclaims it.</summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often pending messages are looked at for reclaiming.</summary>
    public TimeSpan ReclaimInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The Dapr pub/sub component name.</summary>
    public string PubSubName { get; set; } = "pubsub";

    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>Fallback poll of the outbox when no commit signalled it (another instance wrote, or a restart).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
