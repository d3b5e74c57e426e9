using System.Text.Json;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.InMemory;

namespace Platform.TestSupport;

/// <summary>
/// Publishes an integration event on an in-memory broker the way another service's outbox
/// would, so a test can feed the service under test. Passing the same event id twice is
/// how a test redelivers one event (delivery is at least once).
/// </summary>
public static class EventPublisher
{
    public static CloudEvent Envelope<TEvent>(TEvent @event, string? eventId = null, string source = "tests")
        where TEvent : notnull => new()
    {
        Id = eventId ?? Guid.CreateVersion7().ToString(),
        Source = source,
        Type = typeof(TEvent).Name,
        Time = DateTimeOffset.UtcNow,
        Topic = EventTopics.Of<TEvent>(),
        Data = JsonSerializer.SerializeToElement(@event, EventJson.Options),
    };

    /// <summary>Publishes the event on its topic; returns the event id used.</summary>
    public static async Task<string> PublishAsync<TEvent>(
        this InMemoryEventBroker broker, TEvent @event, string? eventId = null, CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        var envelope = Envelope(@event, eventId);
        await broker.PublishAsync(envelope.Topic!, envelope.ToJson(), cancellationToken);
        return envelope.Id;
    }
}
