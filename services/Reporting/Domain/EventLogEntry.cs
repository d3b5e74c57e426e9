using System.Text.Json;
using Platform.ServiceDefaults.Events;

namespace Platform.Reporting.Domain;

/// <summary>
/// Every event Reporting consumed, as it arrived: the fact tables are a projection of this
/// log, so they can be thrown away and rebuilt from it.
/// </summary>
public sealed class EventLogEntry
{
    public long Sequence { get; init; }
    public required string EventId { get; init; }
    public required string Topic { get; init; }
    public required string Source { get; init; }
    /// <summary>The CloudEvent's time, or the time it was consumed when the publisher gave none.</summary>
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset ConsumedAt { get; init; }
    public required string Payload { get; init; }

    /// <summary>The payload kept for an event: its JSON as the bus carries it, written the same way live and in a rebuild.</summary>
    public static string PayloadOf(object @event) => JsonSerializer.Serialize(@event, @event.GetType(), EventJson.Options);
}
