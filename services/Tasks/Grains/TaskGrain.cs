using Platform.ServiceDefaults;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Errors;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Grains;

/// <summary>
/// The live task. Each change is applied by <see cref="TaskRecord"/>, stored in grain storage,
/// then projected to the read model with its events. Storage comes first: a crash between the
/// two leaves history the projection has not seen, and the next activation, change or
/// reminder tick projects it (the projection skips what the read model already has).
/// </summary>
public sealed partial class TaskGrain(
    [PersistentState("task", TasksSilo.StorageName)] IPersistentState<TaskGrainState> state,
    TaskClock clock,
    WorkingCalendar calendar,
    IOptions<TasksOptions> options,
    ITaskProjection projection,
    ILogger<TaskGrain> logger) : Grain, ITaskGrain, IRemindable
{
    public const string DeadlineReminder = "deadline";

    private int _projectedVersion;

    private TaskRecord? Record => state.State.Record;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Record is not null) await ProjectAsync();
    }

    public async Task<TaskOutcome> Create(NewTask task)
    {
        if (Record is not null) return new TaskOutcome(Record);
        if (task.Id != this.GetPrimaryKey()) return new TaskOutcome(null, "Mã nhiệm vụ không khớp.", 400, "id-mismatch");
        try
        {
            state.State.Record = TaskRecord.Create(task, clock.Now);
        }
        catch (DomainRuleException rule)
        {
            return new TaskOutcome(null, rule.Message, rule.StatusCode, rule.Code);
        }
        return await SaveAsync();
    }

    public Task<TaskRecord?> Get() => Task.FromResult(Record);

    public Task<TaskOutcome> ReportProgress(string by, int percent, string? note, string[] attachments) =>
        Change(r => r.ReportProgress(by, percent, note, attachments, clock.Now));

    public Task<TaskOutcome> SubmitCompletion(string by, string? note, string[] attachments) =>
        Change(r => r.SubmitCompletion(by, note, attachments, clock.Now, clock.Today));

    public Task<TaskOutcome> ConfirmCompletion(string by, string? note) => Change(r => r.ConfirmCompletion(by, note, clock.Now));

    public Task<TaskOutcome> ReturnCompletion(string by, string? reason) => Change(r => r.ReturnCompletion(by, reason, clock.Now));

    public Task<TaskOutcome> RequestExtension(string by, DateOnly newDeadline, string? reason) =>
        Change(r => r.RequestExtension(by, newDeadline, reason, clock.Now));

    public Task<TaskOutcome> DecideExtension(string by, bool approve, string? reason) =>
        Change(r => r.DecideExtension(by, approve, reason, clock.Now));

    public Task<TaskOutcome> Pause(string by, string? reason) => Change(r => r.Pause(by, reason, clock.Now));

    public Task<TaskOutcome> Resume(string by, string? note) => Change(r => r.Resume(by, note, clock.Now));

    public Task<TaskOutcome> Refuse(string by, string? reason) => Change(r => r.Refuse(by, reason, clock.Now));

    public Task<TaskOutcome> CheckDeadline() => Change(_ => { });

    public Task<DateTimeOffset?> NextReminder() => Task.FromResult(state.State.ReminderDueAt);

    public async Task<bool> HasReminder() => await this.GetReminder(DeadlineReminder) is not null;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminder) return;
        if (Record is null)
        {
            // A reminder outlived its task's state (storage cleared by hand): stop it.
            if (await this.GetReminder(DeadlineReminder) is { } orphan) await this.UnregisterReminder(orphan);
            return;
        }
        await CheckDeadline();
    }

    private async Task<TaskOutcome> Change(Action<TaskRecord> change)
    {
        if (Record is not { } record) return TaskOutcome.NotFound;
        var before = record.History.Count;
        try
        {
            change(record);
            record.CheckDeadline(clock.Today, calendar, options.Value.DueSoonWorkingDays, clock.Now);
        }
        catch (DomainRuleException rule)
        {
            return new TaskOutcome(null, rule.Message, rule.StatusCode, rule.Code);
        }
        // A tick that found nothing new writes nothing, which is what makes repeated ticks cheap.
        var due = NextReminderDue(record);
        if (record.History.Count == before && due == state.State.ReminderDueAt)
        {
            await ProjectAsync();
            return new TaskOutcome(record);
        }
        return await StoreAsync(record, due);
    }

    private Task<TaskOutcome> SaveAsync()
    {
        var record = Record!;
        record.CheckDeadline(clock.Today, calendar, options.Value.DueSoonWorkingDays, clock.Now);
        return StoreAsync(record, NextReminderDue(record));
    }

    /// <summary>
    /// Reminder, then state, then projection; the deadline check and the next reminder time are
    /// already worked out by the caller, once per change (they read the working calendar).
    /// </summary>
    private async Task<TaskOutcome> StoreAsync(TaskRecord record, DateTimeOffset? due)
    {
        try
        {
            await ScheduleReminderAsync(due);
            await state.WriteStateAsync();
            await ProjectAsync();
        }
        catch
        {
            // The change is already in memory. Were the grain to stay, a retry (the creation pump after a
            // Redis outage) would find it there and answer done, though storage or the read model never got
            // it. Deactivating makes the next call start from what was stored, and project it again.
            DeactivateOnIdle();
            throw;
        }
        return new TaskOutcome(record);
    }

    private DateTimeOffset? NextReminderDue(TaskRecord record)
    {
        var probe = record.NextDeadlineDay(calendar, options.Value.DueSoonWorkingDays);
        return probe is { } day ? TaskClock.StartOf(day) : null;
    }

    /// <summary>Registers, moves or drops the reminder only when its due time changed: each is a call to the reminder service.</summary>
    private async Task ScheduleReminderAsync(DateTimeOffset? due)
    {
        if (due == state.State.ReminderDueAt) return;
        if (due is { } at)
        {
            var wait = at - clock.Now;
            await this.RegisterOrUpdateReminder(DeadlineReminder, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, options.Value.ReminderPeriod);
        }
        else if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        state.State.ReminderDueAt = due;
    }

    private async Task ProjectAsync()
    {
        var record = Record!;
        if (_projectedVersion >= record.History.Count) return;
        try
        {
            await projection.ProjectAsync(record, CancellationToken.None);
            _projectedVersion = record.History.Count;
        }
        catch (Exception exception)
        {
            // The change is stored; the read model catches up on the next change, tick or activation.
            LogProjectionFailed(logger, exception, record.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: the read model could not be updated yet")]
    private static partial void LogProjectionFailed(ILogger logger, Exception exception, Guid taskId);
}
