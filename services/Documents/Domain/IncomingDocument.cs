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

    public IReadOnlyList<string> SupportingUnitList() =>
        string.IsNullOrEmpty(SupportingUnits) ? [] : SupportingUnits.Split(',');
}

/// <summary>Where an incoming document is in its flow.</summary>
public enum IncomingStatus
{
    Registered,
    Assigned,
}
