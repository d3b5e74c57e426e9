namespace Platform.Documents.Exchange;

/// <summary>
/// One package waiting to leave for another agency (tin chờ gửi liên thông): written in the same
/// transaction as the change that calls for it, so it survives a restart, and retried on the
/// <see cref="RetrySchedule"/> until the recipient takes or refuses it.
/// </summary>
public sealed class ExchangeMessage
{
    public Guid Id { get; init; }
    public required string RecipientCode { get; init; }
    public ExchangeMessageKind Kind { get; init; }
    /// <summary>For a document package: the delivery it serves; the package is built when it is sent.</summary>
    public Guid? DeliveryId { get; init; }
    public BusinessKind BusinessKind { get; init; }
    public string? Reason { get; init; }
    /// <summary>For a status package: the edXML as written when the status changed.</summary>
    public string? Payload { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime NextAttemptUtc { get; set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }

    public void Completed(DateTime nowUtc, string? error = null)
    {
        Attempts++;
        LastError = error;
        CompletedAtUtc = nowUtc;
    }

    public void Failed(string error, DateTime nowUtc, RetrySchedule schedule)
    {
        Attempts++;
        LastError = error;
        NextAttemptUtc = schedule.NextAttemptUtc(nowUtc, Attempts);
    }
}

public enum ExchangeMessageKind
{
    /// <summary>A document package (new, recall, update, replace).</summary>
    Document,
    /// <summary>A status package (gói tin trạng thái) back to the sender.</summary>
    Status,
}
