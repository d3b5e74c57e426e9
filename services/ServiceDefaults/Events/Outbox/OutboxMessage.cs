namespace Platform.ServiceDefaults.Events.Outbox;

/// <summary>An event waiting to be published, written in the same transaction as the change that raised it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order; the dispatcher publishes in this order.</summary>
    public long Sequence { get; set; }
    public Guid EventId { get; set; }
    public required string Topic { get; set; }
    public required string EventType { get; set; }
    /// <summary>The whole CloudEvent as JSON, exactly as it will go on the wire.</summary>
    public required string CloudEventJson { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
