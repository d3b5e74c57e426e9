namespace Platform.ServiceDefaults.Events.Inbox;

/// <summary>Marks an event as handled by one handler, so a redelivery is ignored.</summary>
public sealed class InboxMessage
{
    public required string EventId { get; set; }
    public required string Handler { get; set; }
    public required string Topic { get; set; }
    public DateTime HandledAtUtc { get; set; }
}
