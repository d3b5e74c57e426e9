namespace Platform.Tasks;

/// <summary>The <c>Tasks</c> configuration section.</summary>
public sealed class TasksOptions
{
    public const string Section = "Tasks";

    /// <summary>Public holidays (ngày nghỉ lễ, Tết), yyyy-MM-dd; set each year from the Government's decision.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>A task is due soon (sắp đến hạn) this many working days before its deadline.</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    /// <summary>How often a deadline reminder repeats when a tick came early; the most a due-soon or overdue change can lag.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan NotificationPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// The time the task rules read. Kept apart from the DI TimeProvider because Orleans itself
/// schedules on that one, and tests move this clock without stalling the silo.
/// </summary>
public sealed class TaskClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();

    public DateOnly Today => ServiceDefaults.VietnamTime.Today(Time);

    /// <summary>The instant a Vietnamese calendar day starts, when timeliness changes.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ServiceDefaults.VietnamTime.Zone.GetUtcOffset(local));
    }
}
