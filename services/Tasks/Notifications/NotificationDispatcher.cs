using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Tasks.Persistence;

namespace Platform.Tasks.Notifications;

/// <summary>
/// Sends what the reminder outbox holds. A row is claimed by setting its sent time in one
/// conditional update, so two Tasks pods never send the same reminder; a failed send is
/// released with the error, and retried (up to a limit) on a later pass.
/// </summary>
public sealed partial class NotificationDispatcher(
    IServiceScopeFactory scopes, INotificationSender sender, IOptions<TasksOptions> options, TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    public const int MaxAttempts = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendPendingAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, exception);
            }
            try { await Task.Delay(options.Value.NotificationPollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
        var pending = await db.Notifications.AsNoTracking()
            .Where(m => m.SentAtUtc == null && m.Attempts < MaxAttempts)
            .OrderBy(m => m.CreatedAtUtc).Take(100).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var message in pending)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.Notifications
                .Where(m => m.Id == message.Id && m.SentAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAtUtc, now).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            if (claimed == 0) continue;
            try
            {
                await sender.SendAsync(message.Recipient, message.Text, cancellationToken);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSendFailed(logger, exception, message.Id);
                var error = exception.Message.Length > 1000 ? exception.Message[..1000] : exception.Message;
                await db.Notifications.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAtUtc, (DateTime?)null).SetProperty(m => m.LastError, error), cancellationToken);
            }
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Id} could not be sent; it will be retried")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder dispatch pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
