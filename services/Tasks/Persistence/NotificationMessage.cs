namespace Platform.Tasks.Persistence;

/// <summary>
/// A reminder (nhắc việc) waiting to go out to a unit by SMS or e-mail: written in the same
/// transaction as the read model, sent later by the notification dispatcher.
/// </summary>
public sealed class NotificationMessage
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    /// <summary>DueSoon or Overdue.</summary>
    public string Kind { get; set; } = "";
    public DateOnly Deadline { get; set; }
    public string Recipient { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
