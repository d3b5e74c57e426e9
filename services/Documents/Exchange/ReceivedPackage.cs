using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Exchange;

/// <summary>
/// A package another agency sent us (gói tin nhận liên thông), kept as received until the clerk
/// registers or refuses it. One row per package received (unique <see cref="PackageSha256"/>), so a redelivery
/// finds the row it already made while a second update or recall request of a document gets its own.
/// The package itself stays in the file store under <see cref="PackageSha256"/>.
/// </summary>
public sealed class ReceivedPackage
{
    public Guid Id { get; init; }
    /// <summary>The sender's DocumentId (`OrganId,YYYY/MM/DD,number/notation`).</summary>
    public required string DocumentId { get; init; }
    public BusinessKind Kind { get; init; }
    public required string SenderCode { get; init; }
    public required string SenderName { get; init; }
    public required string NumberAndCode { get; init; }
    public DateOnly DocumentDate { get; init; }
    public required string DocumentType { get; init; }
    public required string Subject { get; init; }
    public int Priority { get; init; }
    public int PageAmount { get; init; }
    public string? SignerName { get; init; }
    /// <summary>Why the sender recalls, updates or replaces (BussinessDocReason).</summary>
    public string? SenderReason { get; init; }
    /// <summary>For a replacement: the DocumentId of the document it replaces; a recall or update is about its own DocumentId.</summary>
    public string? ReplacesDocumentId { get; init; }

    /// <summary>The document a recall, update or replacement request is about.</summary>
    public string TargetDocumentId => ReplacesDocumentId ?? DocumentId;
    public required string PackageSha256 { get; init; }
    public DateTime ReceivedAtUtc { get; init; }

    public FeedbackStatus State { get; private set; } = FeedbackStatus.Arrived;
    public FeedbackStatus? StateBeforeRecall { get; private set; }
    /// <summary>Our reason when we refused the document or the sender's request.</summary>
    public string? Reason { get; private set; }
    public DateTime StateAtUtc { get; private set; }
    /// <summary>The incoming document (văn bản đến) registered from this package.</summary>
    public Guid? IncomingDocumentId { get; private set; }

    /// <summary>A new document waits for the clerk; a recall or update request waits for a decision.</summary>
    public static ReceivedPackage Start(ReceivedPackage package, DateTime nowUtc)
    {
        package.State = package.Kind == BusinessKind.New ? FeedbackStatus.Arrived : FeedbackStatus.RecallRequested;
        package.StateAtUtc = nowUtc;
        return package;
    }

    /// <summary>Moves by the receiver's transitions; returns the code to report to the sender.</summary>
    public FeedbackStatus Apply(FeedbackStatus next, string? reason, DateTime nowUtc)
    {
        var state = new ReceivedDocumentState(State, StateBeforeRecall).Apply(next, reason);
        State = state.Current;
        StateBeforeRecall = state.BeforeRecall;
        if (next.NeedsReason()) Reason = reason;
        StateAtUtc = nowUtc;
        return next;
    }

    public void Registered(Guid incomingDocumentId, DateTime nowUtc)
    {
        Apply(FeedbackStatus.Accepted, null, nowUtc);
        IncomingDocumentId = incomingDocumentId;
    }

    /// <summary>
    /// The clerk's answer to a recall, update or replace request (15 or 16). An accepted update or
    /// replacement then waits to be registered like a new document: it carries the new text.
    /// </summary>
    public FeedbackStatus Decide(bool accept, string? reason, DateTime nowUtc)
    {
        if (Kind == BusinessKind.New || State != FeedbackStatus.RecallRequested)
        {
            throw new DomainRuleException("Gói tin này không phải yêu cầu thu hồi, cập nhật đang chờ trả lời.", 409, "not-a-pending-request");
        }
        var answer = accept ? FeedbackStatus.RecallAccepted : FeedbackStatus.RecallRefused;
        if (answer.NeedsReason() && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException($"Phản hồi \"{answer.Label()}\" phải nêu lý do.", 422, "reason-required");
        }
        // The request itself has no earlier state to resume: it is settled, or becomes a document to register.
        State = accept && Kind is BusinessKind.Update or BusinessKind.Replace ? FeedbackStatus.Arrived : answer;
        Reason = accept ? null : reason;
        StateAtUtc = nowUtc;
        return answer;
    }

    public bool AwaitsRegistration => State == FeedbackStatus.Arrived && IncomingDocumentId is null;
}
