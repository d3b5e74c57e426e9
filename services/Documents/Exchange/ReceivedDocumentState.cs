using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Exchange;

/// <summary>
/// Where a document received over the axis stands on the receiver's side, as the feedback codes tell
/// it (trạng thái văn bản nhận liên thông). A refused recall resumes the document where it was.
/// </summary>
/// <param name="BeforeRecall">The status a pending recall or update request interrupted.</param>
public sealed record ReceivedDocumentState(FeedbackStatus Current, FeedbackStatus? BeforeRecall = null)
{
    /// <summary>Every received package starts here: 01 is answered as soon as it is stored.</summary>
    public static ReceivedDocumentState Arrived { get; } = new(FeedbackStatus.Arrived);

    public bool IsFinal => Current is FeedbackStatus.Refused or FeedbackStatus.RecallAccepted;

    /// <summary>The state after reporting <paramref name="next"/>; illegal steps are refused in Vietnamese.</summary>
    public ReceivedDocumentState Apply(FeedbackStatus next, string? reason = null)
    {
        if (next.NeedsReason() && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException($"Phản hồi \"{next.Label()}\" phải nêu lý do.", 422, "reason-required");
        }
        var allowed = (Current, next) switch
        {
            (FeedbackStatus.Arrived, FeedbackStatus.Refused or FeedbackStatus.Accepted) => true,
            // A registered document nobody was assigned yet can still be returned (trả lại) to its sender.
            (FeedbackStatus.Accepted, FeedbackStatus.Refused) => true,
            (FeedbackStatus.Accepted, FeedbackStatus.Assigned) => true,
            (FeedbackStatus.Assigned, FeedbackStatus.InProgress or FeedbackStatus.Done) => true,
            // Progress is reported as often as the lead unit updates it.
            (FeedbackStatus.InProgress, FeedbackStatus.InProgress or FeedbackStatus.Done) => true,
            (FeedbackStatus.Arrived or FeedbackStatus.Accepted or FeedbackStatus.Assigned or FeedbackStatus.InProgress or FeedbackStatus.Done,
                FeedbackStatus.RecallRequested) => true,
            (FeedbackStatus.RecallRequested, FeedbackStatus.RecallAccepted or FeedbackStatus.RecallRefused) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new DomainRuleException(
                $"Không thể chuyển văn bản nhận liên thông từ \"{Current.Label()}\" sang \"{next.Label()}\".", 409, "illegal-feedback");
        }
        return next switch
        {
            FeedbackStatus.RecallRequested => new ReceivedDocumentState(next, Current),
            FeedbackStatus.RecallRefused => new ReceivedDocumentState(BeforeRecall!.Value),
            _ => new ReceivedDocumentState(next),
        };
    }
}
