namespace Platform.ServiceDefaults;

/// <summary>
/// Working days (ngày làm việc): Monday to Friday, less the public holidays the province
/// configures each year (Tết, 30/4–1/5, 2/9 and the days the Government moves around them).
/// Holidays are configuration because the Government decides them year by year. Every
/// deadline in law counted in working days (entry of tasks, gazette intake and publication,
/// reports) uses this one calendar.
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public static readonly WorkingCalendar WeekendsOnly = new([]);

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>
    /// The working day <paramref name="count"/> working days after (or, when negative, before)
    /// <paramref name="day"/>. The day itself never counts: an event's own day is not a day of
    /// its deadline.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        var step = count >= 0 ? 1 : -1;
        var left = Math.Abs(count);
        while (left > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day)) left--;
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

    /// <summary>
    /// The first day something with this deadline counts as due soon: <paramref name="dueSoonWorkingDays"/>
    /// working days before the deadline. A deadline on a day off still counts back from working days,
    /// so the unit gets its full warning.
    /// </summary>
    public DateOnly DueSoonFrom(DateOnly deadline, int dueSoonWorkingDays) => AddWorkingDays(deadline, -dueSoonWorkingDays);
}
