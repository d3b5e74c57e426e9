using Platform.Contracts;

namespace Platform.Tasks.Domain;

/// <summary>How a task stands against its deadline (đúng hạn, sắp đến hạn, quá hạn, không có hạn).</summary>
public enum Timeliness
{
    OnTime,
    DueSoon,
    Overdue,
    NoDeadline,
}

/// <summary>
/// The four report categories of DOMAIN.md: hoàn thành đúng hạn, hoàn thành quá hạn,
/// đang thực hiện trong hạn, đang thực hiện quá hạn. Refused tasks are in none of them.
/// </summary>
public enum ReportCategory
{
    DoneOnTime,
    DoneLate,
    InProgressOnTime,
    InProgressOverdue,
    NotCounted,
}

/// <summary>Timeliness and report category from a task's dates, shared by the grain and the read model.</summary>
public static class Deadlines
{
    public static Timeliness TimelinessOn(TaskState status, DateOnly? deadline, DateOnly? dueSoonFrom, DateOnly? completedOn, DateOnly today) => deadline switch
    {
        null => Timeliness.NoDeadline,
        { } due when status == TaskState.Done => completedOn > due ? Timeliness.Overdue : Timeliness.OnTime,
        { } due when status == TaskState.Refused => Timeliness.OnTime,
        { } due when today > due => Timeliness.Overdue,
        _ when dueSoonFrom is { } from && today >= from => Timeliness.DueSoon,
        _ => Timeliness.OnTime,
    };

    public static ReportCategory CategoryOn(TaskState status, DateOnly? deadline, DateOnly? completedOn, DateOnly today) => status switch
    {
        TaskState.Refused => ReportCategory.NotCounted,
        TaskState.Done => deadline is { } due && completedOn > due ? ReportCategory.DoneLate : ReportCategory.DoneOnTime,
        _ => deadline is { } due && today > due ? ReportCategory.InProgressOverdue : ReportCategory.InProgressOnTime,
    };
}
