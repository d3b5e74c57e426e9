using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults.Events.Outbox;

/// <summary>
/// Publishes committed outbox rows in order and marks them sent. A crash between publish
/// and mark means the row goes again after restart: delivery is at least once, and
/// consumers' inboxes drop the repeat.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEventTransport transport,
    OutboxSignal signal,
    IOptions<EventBusOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishPendingAsync(stoppingToken);
                failures = 0;
                if (published == options.Value.OutboxBatchSize) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                LogPublishFailed(logger, exception);
                // At most a second: a broker that is back is used within a second, not after a backoff
                // that grew through the outage (it reached 30 s). Against Redis each failed attempt has
                // already waited out the command timeout in the client's backlog, so retrying costs little.
                var backoff = TimeSpan.FromMilliseconds(Math.Min(1_000, 125 * Math.Pow(2, Math.Min(failures, 4))));
                await Task.Delay(backoff, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
                continue;
            }
            try
            {
                await signal.WaitAsync(options.Value.OutboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes one batch; returns how many rows were sent.</summary>
    public async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        var batch = await db.OutboxMessages
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Sequence)
            .Take(options.Value.OutboxBatchSize)
            .ToListAsync(cancellationToken);
        var sent = 0;
        try
        {
            foreach (var message in batch)
            {
                try
                {
                    using var activity = EventTelemetry.StartPublishing(message.Topic);
                    await transport.PublishAsync(message.Topic, message.CloudEventJson, cancellationToken);
                    EventTelemetry.Published.Add(1, new KeyValuePair<string, object?>("topic", message.Topic));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Keep order: stop at the first failure and try the same row again later.
                    message.Attempts++;
                    message.LastError = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
                    throw;
                }
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.Attempts++;
                sent++;
            }
        }
        finally
        {
            // One commit marks the whole batch: a crash before it republishes at most one batch,
            // which the consumers' inboxes absorb, and the dispatcher is not held to one commit per event.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing from the outbox failed; will retry")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
