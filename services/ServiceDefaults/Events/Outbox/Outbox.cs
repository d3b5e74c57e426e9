using System.Diagnostics;
using System.Text.Json;
using Platform.ServiceDefaults.Storage;

namespace Platform.ServiceDefaults.Events.Outbox;

/// <summary>
/// Where a service puts the events its change raises. Nothing is sent until the caller's
/// SaveChanges commits; then the dispatcher is woken to publish.
/// </summary>
public sealed class Outbox(ServiceDbContext db, ServiceInfo service, OutboxSignal signal, TimeProvider clock)
{
    private bool _listening;

    public Guid Add<TEvent>(TEvent @event) where TEvent : notnull
    {
        var topic = EventTopics.Of<TEvent>();
        var eventId = Guid.CreateVersion7();
        var envelope = new CloudEvent
        {
            Id = eventId.ToString(),
            Source = service.AppId,
            Type = typeof(TEvent).Name,
            Time = clock.GetUtcNow(),
            Topic = topic,
            TraceParent = Activity.Current?.Id,
            Data = JsonSerializer.SerializeToElement(@event, EventJson.Options),
        };
        db.OutboxMessages.Add(new OutboxMessage
        {
            EventId = eventId,
            Topic = topic,
            EventType = envelope.Type,
            CloudEventJson = envelope.ToJson(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        db.OutboxWritten = true;
        if (!_listening)
        {
            // Inside a transaction the rows are not visible yet: OutboxCommitSignal wakes the
            // dispatcher at the commit. Without one, SaveChanges has committed by now.
            db.SavedChanges += (_, _) =>
            {
                if (db.Database.CurrentTransaction is null && db.OutboxWritten)
                {
                    db.OutboxWritten = false;
                    signal.Notify();
                }
            };
            _listening = true;
        }
        return eventId;
    }
}

/// <summary>Wakes the dispatcher as soon as a commit put something in the outbox.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try { _semaphore.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _semaphore.WaitAsync(timeout, cancellationToken);
}
