using Platform.Reporting.Domain;
using Platform.Reporting.Persistence;
using Platform.ServiceDefaults.Events;

namespace Platform.Reporting.Consumers;

/// <summary>
/// Keeps every consumed event in the event log and projects it into the facts, in the inbox's
/// transaction: a redelivered event is skipped by the inbox, and the log's unique event id
/// would refuse it anyway. A secret item's text is removed before either sees it (<see cref="SecretRedaction"/>).
/// </summary>
public sealed class RecordEvent<TEvent>(ReportingDbContext db, FactProjector projector, TimeProvider clock) : IEventHandler<TEvent>
    where TEvent : notnull
{
    public Task HandleAsync(TEvent @event, EventContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var kept = SecretRedaction.Of(@event);
        db.EventLog.Add(new EventLogEntry
        {
            EventId = context.EventId,
            Topic = context.Topic,
            Source = context.Source,
            OccurredAt = (context.Time ?? now).ToUniversalTime(),
            ConsumedAt = now,
            Payload = EventLogEntry.PayloadOf(kept),
        });
        projector.Apply(kept, context.EventId);
        return Task.CompletedTask;
    }
}
