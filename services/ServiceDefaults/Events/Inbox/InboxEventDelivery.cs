using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults.Events.Inbox;

/// <summary>
/// Runs every handler subscribed to a topic, each in its own transaction together with its
/// inbox row, so a redelivered event changes nothing and a failing handler does not undo
/// the ones that succeeded.
/// </summary>
public sealed partial class InboxEventDelivery(
    IServiceScopeFactory scopes,
    IEnumerable<EventSubscription> subscriptions,
    TimeProvider clock,
    ILogger<InboxEventDelivery> logger) : IEventDelivery
{
    private readonly ILookup<string, EventSubscription> _byTopic = subscriptions.ToLookup(s => s.Topic);

    public async Task<DeliveryOutcome> DeliverAsync(string topic, string cloudEventJson, CancellationToken cancellationToken)
    {
        var envelope = CloudEvent.TryParse(cloudEventJson);
        if (envelope is null)
        {
            LogNotACloudEvent(logger, topic);
            return DeliveryOutcome.Drop;
        }
        var context = new EventContext(envelope.Id, topic, envelope.Source, envelope.Time);
        using var activity = EventTelemetry.StartHandling(topic, envelope.TraceParent);
        activity?.SetTag("messaging.message.id", envelope.Id);
        var outcome = await DeliverToHandlersAsync(topic, envelope, context, cancellationToken);
        EventTelemetry.Handled.Add(1, new KeyValuePair<string, object?>("topic", topic), new KeyValuePair<string, object?>("outcome", outcome.ToString()));
        return outcome;
    }

    private async Task<DeliveryOutcome> DeliverToHandlersAsync(string topic, CloudEvent envelope, EventContext context, CancellationToken cancellationToken)
    {
        var outcome = DeliveryOutcome.Success;
        foreach (var subscription in _byTopic[topic])
        {
            object? @event;
            try
            {
                @event = envelope.Data.Deserialize(subscription.EventType, EventJson.Options);
            }
            catch (JsonException exception)
            {
                LogBadData(logger, exception, envelope.Id, topic);
                return DeliveryOutcome.Drop;
            }
            if (@event is null) return DeliveryOutcome.Drop;
            try
            {
                await HandleOnceAsync(subscription, @event, context, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHandlerFailed(logger, exception, subscription.HandlerName, envelope.Id, topic);
                outcome = DeliveryOutcome.Retry;
            }
        }
        return outcome;
    }

    private async Task HandleOnceAsync(EventSubscription subscription, object @event, EventContext context, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginWriteTransactionAsync(cancellationToken);
            var seen = await db.InboxMessages.AnyAsync(
                m => m.EventId == context.EventId && m.Handler == subscription.HandlerName, cancellationToken);
            if (seen) return;
            await subscription.Invoke(scope.ServiceProvider, @event, context, cancellationToken);
            db.InboxMessages.Add(new InboxMessage
            {
                EventId = context.EventId,
                Handler = subscription.HandlerName,
                Topic = context.Topic,
                HandledAtUtc = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A concurrent delivery of the same event may have won the race; its result stands.
                if (!await AlreadyHandledAsync(subscription, context, cancellationToken)) throw;
            }
        });
    }

    private async Task<bool> AlreadyHandledAsync(EventSubscription subscription, EventContext context, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        return await db.InboxMessages.AnyAsync(
            m => m.EventId == context.EventId && m.Handler == subscription.HandlerName, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message on {Topic} is not a CloudEvent; dropping it to the dead-letter topic")]
    private static partial void LogNotACloudEvent(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventId} on {Topic} has data of the wrong shape; dropping it")]
    private static partial void LogBadData(ILogger logger, Exception exception, string eventId, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler {Handler} failed on event {EventId} from {Topic}; it will be retried")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string eventId, string topic);
}
