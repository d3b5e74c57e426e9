namespace Platform.Tasks.Notifications;

/// <summary>How a reminder (nhắc việc) reaches a unit: SMS, e-mail, or the log. One sender is wired.</summary>
public interface INotificationSender
{
    Task SendAsync(string recipientUnit, string text, CancellationToken cancellationToken);
}

/// <summary>The default sender: writes the reminder to the log, where operators and tests see it.</summary>
public sealed partial class LoggingNotificationSender(ILogger<LoggingNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(string recipientUnit, string text, CancellationToken cancellationToken)
    {
        LogReminder(logger, recipientUnit, text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder to {Unit}: {Text}")]
    private static partial void LogReminder(ILogger logger, string unit, string text);
}
