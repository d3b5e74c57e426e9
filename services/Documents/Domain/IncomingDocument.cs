using Platform.Contracts;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Domain;

/// <summary>
/// An incoming document (văn bản đến): registered with the next arrival number (số đến) of
/// the year, then submitted to a leader who records a direction (ý kiến chỉ đạo).
/// </summary>
public sealed class IncomingDocument
{
    public Guid Id { get; init; }
    public int Year { get; init; }
    /// <summary>Số đến: one series a year for paper and electronic documents alike.</summary>
    public int ArrivalNumber { get; init; }
    /// <summary>Ngày đến, and giờ đến for Thượng khẩn and Hỏa tốc.</summary>
    public DateTime ArrivedAtUtc { get; init; }
    public bool ArrivalTimeRecorded { get; init; }
    public required string IssuingBody { get; init; }
    public required string NumberAndCode { get; init; }
    public DateOnly DocumentDate { get; init; }
    public required string DocumentType { get; init; }
    /// <summary>Trích yếu.</summary>
    public required string Subject { get; init; }
    public Urgency Urgency { get; init; }
    public Secrecy Secrecy { get; init; }
    public int PageCount { get; init; }
    public string? Signer { get; init; }
    public required string RegisteredBy { get; init; }
    public required string RegisteredByUnit { get; init; }
    public IncomingStatus Status { get; private set; } = IncomingStatus.Registered;
    public string? Direction { get; private set; }
    public string? LeadUnit { get; private set; }
    /// <summary>Supporting units (đơn vị phối hợp), comma separated.</summary>
    public string? SupportingUnits { get; private set; }
    public DateOnly? Deadline { get; private set; }
    public string? AssignedBy { get; private set; }
    public DateTime? AssignedAtUtc { get; private set; }
    /// <summary>Set when the clerk confirmed registering a document that looked like one already registered.</summary>
    public Guid? DuplicateOf { get; init; }
    /// <summary>Ngày chuyển and the unit or person it went to (đơn vị hoặc người nhận).</summary>
    public DateTime? HandedOnAtUtc { get; private set; }
    public string? HandedOnTo { get; private set; }
    public string? HandedOnBy { get; private set; }
    /// <summary>Tiến độ giải quyết, as the lead unit last reported it.</summary>
    public string? Progress { get; private set; }
    public DateTime? ProgressAtUtc { get; private set; }
    /// <summary>Số, ký hiệu of the document that answered this one.</summary>
    public string? ReplyNumberAndCode { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    /// <summary>Why the document went back to its sender (trả lại).</summary>
    public string? ReturnReason { get; private set; }
    public DateTime? ReturnedAtUtc { get; private set; }

    /// <summary>Urgent documents record the hour of arrival, not just the day (Nghị định 30/2020).</summary>
    public static bool RecordsArrivalTime(Urgency urgency) => urgency is Urgency.VeryUrgent or Urgency.Flash or Urgency.FlashScheduled;

    public void RecordDirection(string direction, string leadUnit, IReadOnlyList<string> supportingUnits, DateOnly? deadline, string leader, DateTime nowUtc)
    {
        if (Status != IncomingStatus.Registered)
        {
            throw new DomainRuleException("Văn bản đã có ý kiến chỉ đạo; không thể giao lại.", 409, "already-assigned");
        }
        if (deadline is { } due && due < DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainRuleException("Hạn xử lý không được trước ngày hôm nay.", 422, "deadline-in-past");
        }
        Direction = direction;
        LeadUnit = leadUnit;
        SupportingUnits = string.Join(',', supportingUnits);
        Deadline = deadline;
        AssignedBy = leader;
        AssignedAtUtc = nowUtc;
        Status = IncomingStatus.Assigned;
    }

    /// <summary>
    /// The clerk hands the document on (chuyển) to the lead unit once a leader has directed it.
    /// An urgent document may go straight on, as Nghị định 30/2020 requires, and be directed afterwards.
    /// </summary>
    public IncomingStatus HandOn(string to, string clerk, DateTime nowUtc)
    {
        var from = Status;
        var urgent = Urgency != Urgency.Normal;
        if (!(Status == IncomingStatus.Assigned || (urgent && Status == IncomingStatus.Registered)))
        {
            throw new DomainRuleException(
                $"Chỉ chuyển văn bản đã có ý kiến chỉ đạo (trừ văn bản khẩn); văn bản đang ở trạng thái \"{Status.Label()}\".", 409, "illegal-transition");
        }
        HandedOnTo = to;
        HandedOnBy = clerk;
        HandedOnAtUtc = nowUtc;
        if (Status == IncomingStatus.Assigned) Status = IncomingStatus.HandedOn;
        return from;
    }

    /// <summary>The lead unit reports progress; with a reply number, or marked done, the document is settled.</summary>
    public IncomingStatus ReportProgress(string progress, string? replyNumberAndCode, bool done, DateTime nowUtc)
    {
        var from = Status;
        if (Status is not (IncomingStatus.Assigned or IncomingStatus.HandedOn or IncomingStatus.InProgress))
        {
            throw new DomainRuleException(
                $"Không cập nhật tiến độ được cho văn bản đang ở trạng thái \"{Status.Label()}\".", 409, "illegal-transition");
        }
        Progress = progress;
        ProgressAtUtc = nowUtc;
        if (replyNumberAndCode is not null) ReplyNumberAndCode = replyNumberAndCode;
        if (done)
        {
            CompletedAtUtc = nowUtc;
            Status = IncomingStatus.Done;
        }
        else
        {
            Status = IncomingStatus.InProgress;
        }
        return from;
    }

    /// <summary>An invalid or misaddressed document goes back to its sender with a reason, before anyone acts on it.</summary>
    public IncomingStatus ReturnToSender(string reason, DateTime nowUtc)
    {
        var from = Status;
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Trả lại văn bản phải nêu lý do.", 422, "reason-required");
        if (Status != IncomingStatus.Registered)
        {
            throw new DomainRuleException(
                $"Chỉ trả lại được văn bản chưa được chỉ đạo; văn bản đang ở trạng thái \"{Status.Label()}\".", 409, "illegal-transition");
        }
        ReturnReason = reason;
        ReturnedAtUtc = nowUtc;
        Status = IncomingStatus.Returned;
        return from;
    }

    /// <summary>
    /// The sender recalled the document (thu hồi) or replaced it, and we agreed: it is cancelled here,
    /// whatever stage it had reached, and kept with the reason for the record.
    /// </summary>
    public IncomingStatus Cancel(string reason, DateTime nowUtc)
    {
        var from = Status;
        if (Status == IncomingStatus.Cancelled) return from;
        ReturnReason = reason;
        ReturnedAtUtc = nowUtc;
        Status = IncomingStatus.Cancelled;
        return from;
    }

    public IReadOnlyList<string> SupportingUnitList() =>
        string.IsNullOrEmpty(SupportingUnits) ? [] : SupportingUnits.Split(',');
}

/// <summary>Where an incoming document is in its flow.</summary>
public enum IncomingStatus
{
    Registered,
    Assigned,
    HandedOn,
    InProgress,
    Done,
    Returned,
    /// <summary>Đã hủy: recalled or replaced by its sender.</summary>
    Cancelled,
}

public static class IncomingLabels
{
    public static string Label(this IncomingStatus status) => status switch
    {
        IncomingStatus.Registered => "Đã vào sổ",
        IncomingStatus.Assigned => "Đã có ý kiến chỉ đạo",
        IncomingStatus.HandedOn => "Đã chuyển",
        IncomingStatus.InProgress => "Đang xử lý",
        IncomingStatus.Done => "Đã giải quyết",
        IncomingStatus.Returned => "Đã trả lại",
        IncomingStatus.Cancelled => "Đã hủy do bên gửi thu hồi",
        _ => status.ToString(),
    };
}
