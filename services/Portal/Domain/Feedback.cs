using Platform.ServiceDefaults.Errors;

namespace Platform.Portal.Domain;

/// <summary>Citizen feedback (phản ánh, kiến nghị) sent through the portal, followed by its tracking code.</summary>
public sealed class Feedback
{
    public Guid FeedbackId { get; init; }
    public required string TrackingCode { get; init; }
    public required string SenderName { get; init; }
    /// <summary>A phone number or an e-mail address; never shown on a public page.</summary>
    public required string Contact { get; init; }
    public required string Subject { get; init; }
    public required string Content { get; init; }
    public FeedbackAttachment? Attachment { get; init; }
    public FeedbackStatus Status { get; set; } = FeedbackStatus.Received;
    public DateTimeOffset ReceivedAt { get; init; }
    /// <summary>The published answer (trả lời), once there is one.</summary>
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? HandledBy { get; private set; }

    public void StartHandling(string editor)
    {
        if (Status != FeedbackStatus.Received) throw new DomainRuleException("Phản ánh này đã được xử lý hoặc đã trả lời.", 409, "feedback-status");
        Status = FeedbackStatus.InProgress;
        HandledBy = editor;
    }

    /// <summary>Publishes the answer on the status page. A published answer is final; a correction is a new feedback.</summary>
    public void PublishAnswer(string answer, string editor, DateTimeOffset now)
    {
        if (Status == FeedbackStatus.Answered) throw new DomainRuleException("Phản ánh này đã có trả lời.", 409, "feedback-status");
        if (string.IsNullOrWhiteSpace(answer)) throw new DomainRuleException("Nội dung trả lời là bắt buộc.", 400, "feedback-answer");
        if (answer.Length > FeedbackLimits.Answer) throw new DomainRuleException($"Nội dung trả lời không quá {FeedbackLimits.Answer} ký tự.", 400, "feedback-answer");
        (Status, Answer, AnsweredAt, HandledBy) = (FeedbackStatus.Answered, answer, now, editor);
    }
}

/// <summary>A file the citizen attached, kept under a name the portal chose.</summary>
public sealed record FeedbackAttachment(string OriginalName, string StoredName, string ContentType, long Length);

public enum FeedbackStatus
{
    /// <summary>Đã tiếp nhận.</summary>
    Received,
    /// <summary>Đang xử lý.</summary>
    InProgress,
    /// <summary>Đã trả lời.</summary>
    Answered,
}

public static class FeedbackStatusText
{
    public static string Vietnamese(this FeedbackStatus status) => status switch
    {
        FeedbackStatus.Received => "Đã tiếp nhận",
        FeedbackStatus.InProgress => "Đang xử lý",
        FeedbackStatus.Answered => "Đã trả lời",
        _ => status.ToString(),
    };
}

/// <summary>Field lengths shared by the form's validation and the database columns.</summary>
public static class FeedbackLimits
{
    public const int Name = 100;
    public const int Contact = 200;
    public const int Subject = 200;
    public const int Content = 5000;
    public const int Answer = 10_000;
}
