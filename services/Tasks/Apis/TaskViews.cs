using Platform.ServiceDefaults;
using Platform.Tasks.Domain;
using Platform.Tasks.Persistence;

namespace Platform.Tasks.Apis;

/// <summary>A task in a list, from the read model.</summary>
public sealed record TaskView(
    Guid Id, Guid? SourceDocumentId, string? SourceDocumentNumber, string Content, string LeadUnit,
    IReadOnlyList<string> SupportingUnits, DateOnly? Deadline, string AssignedBy, string State, string Timeliness,
    int Percent, DateOnly? CompletedOn, DateTime CreatedAtUtc)
{
    public static TaskView From(TrackedTask t, DateOnly today) => new(
        t.Id, t.SourceDocumentId, t.SourceDocumentNumber, t.Content, t.LeadUnit, t.SupportingUnitList(), t.Deadline,
        t.AssignedBy, t.State.ToString(), t.TimelinessOn(today).ToString(), t.Percent, t.CompletedOn, t.CreatedAtUtc);

    public static TaskView From(TaskRecord r, WorkingCalendar calendar, int dueSoonDays, DateOnly today)
    {
        var row = new TrackedTask();
        row.CopyFrom(r, calendar, dueSoonDays);
        return From(row, today);
    }
}

/// <summary>A task with everything the grain holds: progress reports, extensions, history.</summary>
public sealed record TaskDetails(
    TaskView Task, IReadOnlyList<ProgressReport> ProgressReports, IReadOnlyList<ExtensionView> Extensions,
    IReadOnlyList<HistoryView> History);

public sealed record ExtensionView(
    DateTimeOffset RequestedAt, string RequestedBy, DateOnly OldDeadline, DateOnly NewDeadline, string Reason,
    string Decision, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionReason)
{
    public static ExtensionView From(ExtensionRequest e) => new(e.RequestedAt, e.RequestedBy, e.OldDeadline, e.NewDeadline,
        e.Reason, e.Decision.ToString(), e.DecidedBy, e.DecidedAt, e.DecisionReason);
}

public sealed record HistoryView(DateTimeOffset At, string By, string Action, string From, string To, string? Note)
{
    public static HistoryView Of(HistoryEntry h) => new(h.At, h.By, h.Action.ToString(), h.From.ToString(), h.To.ToString(), h.Note);
}

/// <summary>Turns grain state into views on the clock and calendar the rules use.</summary>
public sealed class TaskViews(TaskClock clock, WorkingCalendar calendar, Microsoft.Extensions.Options.IOptions<TasksOptions> options)
{
    public DateOnly Today => clock.Today;

    public TaskView View(TaskRecord record) => TaskView.From(record, calendar, options.Value.DueSoonWorkingDays, clock.Today);

    public TaskDetails Details(TaskRecord record) => new(
        View(record), record.ProgressReports, [.. record.Extensions.Select(ExtensionView.From)], [.. record.History.Select(HistoryView.Of)]);
}
