using Platform.Contracts;

namespace Platform.Tasks.Domain;

/// <summary>
/// A task (nhiệm vụ) given by the People's Committee or its Chairman: who leads it, who
/// supports, by when. Its live state moves into an Orleans grain with the Tasks issue.
/// </summary>
public sealed class TrackedTask
{
    public Guid Id { get; init; }
    public Guid? SourceDocumentId { get; init; }
    public string? SourceDocumentNumber { get; init; }
    public required string Content { get; init; }
    /// <summary>Đơn vị chủ trì.</summary>
    public required string LeadUnit { get; init; }
    /// <summary>Đơn vị phối hợp, comma separated.</summary>
    public string SupportingUnits { get; init; } = "";
    public DateOnly? Deadline { get; init; }
    public required string AssignedBy { get; init; }
    public Secrecy Secrecy { get; init; }
    public TaskState State { get; init; } = TaskState.NotStarted;
    public DateTime CreatedAtUtc { get; init; }

    public IReadOnlyList<string> SupportingUnitList() =>
        string.IsNullOrEmpty(SupportingUnits) ? [] : SupportingUnits.Split(',');

    /// <summary>Đúng hạn, sắp đến hạn, quá hạn or không có hạn, on a given day.</summary>
    public Timeliness TimelinessOn(DateOnly today, int dueSoonDays = 3) => Deadline switch
    {
        null => Timeliness.NoDeadline,
        { } due when State == TaskState.Done => Timeliness.OnTime,
        { } due when today > due => Timeliness.Overdue,
        { } due when today.AddDays(dueSoonDays) >= due => Timeliness.DueSoon,
        _ => Timeliness.OnTime,
    };
}

/// <summary>How a task stands against its deadline.</summary>
public enum Timeliness
{
    OnTime,
    DueSoon,
    Overdue,
    NoDeadline,
}
