namespace Platform.Gazette.Domain;

/// <summary>
/// Working days (ngày làm việc): Monday to Friday, less the public holidays the province
/// configures (Tết and the other days off change every year, so they are data, not code).
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>
    /// The day that ends a period of <paramref name="workingDays"/> working days starting the
    /// day after <paramref name="start"/>: the day of an event never counts toward its own deadline.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        while (workingDays > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) workingDays--;
        }
        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) count++;
        }
        return count;
    }
}
