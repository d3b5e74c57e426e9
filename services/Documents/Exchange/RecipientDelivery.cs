using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Exchange;

/// <summary>
/// The sender's view of one recipient of a sent document. Delivery attempts and feedback arrive at
/// least once and not always in order, so a repeated or older feedback changes nothing, while one
/// that contradicts what the recipient already said (accepted, then refused) is refused.
/// </summary>
public sealed class RecipientDelivery
{
    public Guid Id { get; init; }
    public Guid OutgoingDocumentId { get; init; }
    /// <summary>The edXML DocumentId the recipient's status packages refer to.</summary>
    public string ExchangeDocumentId { get; init; } = "";
    public required string RecipientCode { get; init; }
    public RecipientStatus Status { get; private set; } = RecipientStatus.NotSent;
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public DateTime? StatusAtUtc { get; private set; }
    /// <summary>Why the recipient refused the document or the recall.</summary>
    public string? Reason { get; private set; }
    public RecallState Recall { get; private set; } = RecallState.None;

    public void DeliverySucceeded(DateTime nowUtc)
    {
        Attempts++;
        LastError = null;
        SentAtUtc ??= nowUtc;
        // Feedback may have come back before the sender recorded its own success.
        if (Status is RecipientStatus.NotSent or RecipientStatus.Failed) Move(RecipientStatus.Sent, nowUtc);
    }

    public void DeliveryFailed(string error, DateTime nowUtc)
    {
        if (Status is not (RecipientStatus.NotSent or RecipientStatus.Failed)) return;
        Attempts++;
        LastError = error;
        Move(RecipientStatus.Failed, nowUtc);
    }

    /// <summary>Applies a feedback code from the recipient; false when it was a repeat or out of date.</summary>
    public bool ApplyFeedback(FeedbackStatus feedback, string? reason, DateTime nowUtc)
    {
        if (feedback.NeedsReason() && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException($"Phản hồi \"{feedback.Label()}\" phải nêu lý do.", 422, "reason-required");
        }
        switch (feedback)
        {
            case FeedbackStatus.RecallRequested:
                throw new DomainRuleException("Mã 13 do bên gửi phát ra, bên nhận không phản hồi mã này.", 422, "illegal-feedback");
            case FeedbackStatus.RecallAccepted or FeedbackStatus.RecallRefused:
                var answer = feedback == FeedbackStatus.RecallAccepted ? RecallState.Accepted : RecallState.Refused;
                if (Recall == answer) return false;
                if (Recall != RecallState.Requested) throw Illegal(feedback);
                Recall = answer;
                if (answer == RecallState.Refused) Reason = reason;
                StatusAtUtc = nowUtc;
                return true;
        }
        var next = feedback switch
        {
            FeedbackStatus.Arrived => RecipientStatus.Arrived,
            FeedbackStatus.Refused => RecipientStatus.Refused,
            FeedbackStatus.Accepted => RecipientStatus.Accepted,
            FeedbackStatus.Assigned => RecipientStatus.Assigned,
            FeedbackStatus.InProgress => RecipientStatus.InProgress,
            _ => RecipientStatus.Done,
        };
        if (next == Status)
        {
            if (next != RecipientStatus.InProgress) return false;
            StatusAtUtc = nowUtc;
            return true;
        }
        if (Status == RecipientStatus.Refused || (next == RecipientStatus.Refused && Rank(Status) > Rank(RecipientStatus.Accepted)))
        {
            throw Illegal(feedback);
        }
        if (Rank(next) < Rank(Status)) return false;
        if (next == RecipientStatus.Refused) Reason = reason;
        Move(next, nowUtc);
        return true;
    }

    /// <summary>
    /// Chậm tiếp nhận: the package got there but the recipient has not registered it by the end of the
    /// next working day, the latest Nghị định 30/2020 allows; the sender's clerk should chase it.
    /// </summary>
    public bool IsSlowToAccept(DateOnly today, Platform.ServiceDefaults.WorkingCalendar calendar) =>
        Status is RecipientStatus.Sent or RecipientStatus.Arrived && SentAtUtc is { } sent
        && today > calendar.AddWorkingDays(DateOnly.FromDateTime(Platform.ServiceDefaults.VietnamTime.ToLocal(new DateTimeOffset(sent, TimeSpan.Zero)).DateTime), 1);

    /// <summary>Only a document the recipient has can be recalled; a refused one is already back, a recalled one gone.</summary>
    public void RequestRecall(DateTime nowUtc)
    {
        if (Status is RecipientStatus.NotSent or RecipientStatus.Failed or RecipientStatus.Refused || Recall is RecallState.Requested or RecallState.Accepted)
        {
            throw new DomainRuleException($"Không thể yêu cầu thu hồi khi nơi nhận {RecipientCode} ở trạng thái \"{Status.Label()}\".", 409, "recall-not-possible");
        }
        Recall = RecallState.Requested;
        StatusAtUtc = nowUtc;
    }

    private static int Rank(RecipientStatus status) => status switch
    {
        RecipientStatus.NotSent or RecipientStatus.Failed => 0,
        RecipientStatus.Sent => 1,
        RecipientStatus.Arrived => 2,
        RecipientStatus.Accepted or RecipientStatus.Refused => 3,
        RecipientStatus.Assigned => 4,
        RecipientStatus.InProgress => 5,
        _ => 6,
    };

    private void Move(RecipientStatus next, DateTime nowUtc)
    {
        Status = next;
        StatusAtUtc = nowUtc;
    }

    private DomainRuleException Illegal(FeedbackStatus feedback) => new(
        $"Phản hồi \"{feedback.Label()}\" của {RecipientCode} mâu thuẫn với trạng thái \"{Status.Label()}\" đã ghi nhận.", 409, "illegal-feedback");
}
