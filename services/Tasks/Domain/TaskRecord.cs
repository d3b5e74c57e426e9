using Platform.ServiceDefaults;
using Platform.Contracts;
using Platform.ServiceDefaults.Errors;

namespace Platform.Tasks.Domain;

/// <summary>
/// The live state of one task (nhiệm vụ) and the rules for changing it. The grain holds one and
/// calls these methods; they throw <see cref="DomainRuleException"/> with a Vietnamese message
/// when a change is not allowed, so the rules are tested without Orleans.
/// </summary>
[GenerateSerializer, Alias("tasks.TaskRecord")]
public sealed class TaskRecord
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public Guid? SourceDocumentId { get; set; }
    [Id(2)] public string? SourceDocumentNumber { get; set; }
    [Id(3)] public string Content { get; set; } = "";
    /// <summary>Người giao nhiệm vụ.</summary>
    [Id(4)] public string AssignedBy { get; set; } = "";
    /// <summary>Đơn vị chủ trì.</summary>
    [Id(5)] public string LeadUnit { get; set; } = "";
    /// <summary>Đơn vị phối hợp.</summary>
    [Id(6)] public List<string> SupportingUnits { get; set; } = [];
    [Id(7)] public DateOnly? Deadline { get; set; }
    [Id(8)] public Secrecy Secrecy { get; set; }
    [Id(9)] public TaskState Status { get; set; } = TaskState.NotStarted;
    /// <summary>Where a paused task goes back to.</summary>
    [Id(10)] public TaskState? PausedFrom { get; set; }
    [Id(11)] public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The day the unit reported completion; kept while the office decides.</summary>
    [Id(12)] public DateOnly? SubmittedOn { get; set; }
    /// <summary>The completion day that counts, once the office confirmed it.</summary>
    [Id(13)] public DateOnly? CompletedOn { get; set; }
    [Id(14)] public int Percent { get; set; }
    [Id(15)] public List<ProgressReport> ProgressReports { get; set; } = [];
    /// <summary>Gia hạn: every request with its old and new deadline and the decision.</summary>
    [Id(16)] public List<ExtensionRequest> Extensions { get; set; } = [];
    [Id(17)] public List<HistoryEntry> History { get; set; } = [];
    /// <summary>The deadline a due-soon reminder went out for; a tick for the same deadline does nothing.</summary>
    [Id(18)] public DateOnly? DueSoonNotifiedFor { get; set; }
    [Id(19)] public DateOnly? OverdueNotifiedFor { get; set; }

    public bool Exists => History.Count > 0;

    public ExtensionRequest? PendingExtension => Extensions.LastOrDefault(e => e.Decision == ExtensionDecision.Pending);

    public static TaskRecord Create(NewTask task, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(task.Content)) throw Rule("Nội dung nhiệm vụ là bắt buộc.", "content-required", 400);
        if (string.IsNullOrWhiteSpace(task.LeadUnit)) throw Rule("Đơn vị chủ trì là bắt buộc.", "lead-unit-required", 400);
        var record = new TaskRecord
        {
            Id = task.Id,
            SourceDocumentId = task.SourceDocumentId,
            SourceDocumentNumber = task.SourceDocumentNumber,
            Content = task.Content,
            AssignedBy = task.AssignedBy,
            LeadUnit = task.LeadUnit,
            SupportingUnits = [.. task.SupportingUnits],
            Deadline = task.Deadline,
            Secrecy = task.Secrecy,
            CreatedAt = now,
        };
        record.Record(now, task.AssignedBy, TaskAction.Created, TaskState.NotStarted, null);
        return record;
    }

    /// <summary>Báo cáo tiến độ by the lead unit.</summary>
    public void ReportProgress(string by, int percent, string? note, IReadOnlyList<string> attachments, DateTimeOffset now)
    {
        RequireStatus("báo cáo tiến độ", TaskState.NotStarted, TaskState.InProgress, TaskState.Redo);
        if (percent is < 0 or > 100) throw Rule("Tỷ lệ hoàn thành phải từ 0 đến 100.", "invalid-percent", 400);
        if (percent == 100) throw Rule("Nhiệm vụ đã xong thì báo cáo hoàn thành, không báo cáo tiến độ 100%.", "use-completion", 400);
        Percent = percent;
        ProgressReports.Add(new ProgressReport(now, by, percent, note, [.. attachments]));
        Record(now, by, TaskAction.ProgressReported, TaskState.InProgress, note);
    }

    /// <summary>Báo cáo hoàn thành: the unit says it is done; the office still has to confirm.</summary>
    public void SubmitCompletion(string by, string? note, IReadOnlyList<string> attachments, DateTimeOffset now, DateOnly today)
    {
        RequireStatus("báo cáo hoàn thành", TaskState.NotStarted, TaskState.InProgress, TaskState.Redo);
        if (PendingExtension is not null) throw Rule("Nhiệm vụ đang chờ quyết định gia hạn; không thể báo cáo hoàn thành lúc này.", "extension-pending");
        SubmittedOn = today;
        ProgressReports.Add(new ProgressReport(now, by, 100, note, [.. attachments]));
        Record(now, by, TaskAction.CompletionSubmitted, TaskState.AwaitingConfirmation, note);
    }

    /// <summary>The office confirms the completion; the day the unit reported it is the day that counts.</summary>
    public void ConfirmCompletion(string by, string? note, DateTimeOffset now)
    {
        RequireStatus("xác nhận hoàn thành", TaskState.AwaitingConfirmation);
        CompletedOn = SubmittedOn;
        Percent = 100;
        Record(now, by, TaskAction.CompletionConfirmed, TaskState.Done, note);
    }

    /// <summary>The office returns a late or wrong completion: it counts as not done (làm lại).</summary>
    public void ReturnCompletion(string by, string? reason, DateTimeOffset now)
    {
        RequireStatus("trả lại kết quả", TaskState.AwaitingConfirmation);
        RequireReason(reason, "trả lại kết quả");
        SubmittedOn = null;
        Record(now, by, TaskAction.CompletionReturned, TaskState.Redo, reason);
    }

    /// <summary>The lead unit asks for a later deadline.</summary>
    public void RequestExtension(string by, DateOnly newDeadline, string? reason, DateTimeOffset now)
    {
        if (Deadline is not { } current) throw Rule("Nhiệm vụ không có thời hạn nên không thể gia hạn.", "no-deadline");
        if (Status is TaskState.Done or TaskState.Refused)
            throw Rule($"Nhiệm vụ đang ở trạng thái \"{VocabularyNames.Of(Status)}\" nên không thể gia hạn.", "cannot-extend");
        if (PendingExtension is not null) throw Rule("Đã có một đề nghị gia hạn đang chờ lãnh đạo quyết định.", "extension-pending");
        if (newDeadline <= current) throw Rule("Hạn mới phải sau hạn hiện tại.", "deadline-not-later", 400);
        RequireReason(reason, "đề nghị gia hạn");
        Extensions.Add(new ExtensionRequest { RequestedAt = now, RequestedBy = by, OldDeadline = current, NewDeadline = newDeadline, Reason = reason! });
        Record(now, by, TaskAction.ExtensionRequested, Status, $"{current:dd/MM/yyyy} → {newDeadline:dd/MM/yyyy}: {reason}");
    }

    /// <summary>A leader approves or refuses the pending extension, with a reason either way.</summary>
    public void DecideExtension(string by, bool approve, string? reason, DateTimeOffset now)
    {
        var pending = PendingExtension ?? throw Rule("Không có đề nghị gia hạn nào đang chờ quyết định.", "no-pending-extension");
        if (Status is TaskState.Done or TaskState.Refused)
            throw Rule($"Nhiệm vụ đang ở trạng thái \"{VocabularyNames.Of(Status)}\" nên không thể gia hạn.", "cannot-extend");
        RequireReason(reason, approve ? "đồng ý gia hạn" : "từ chối gia hạn");
        pending.Decision = approve ? ExtensionDecision.Approved : ExtensionDecision.Refused;
        pending.DecidedBy = by;
        pending.DecidedAt = now;
        pending.DecisionReason = reason;
        if (approve) Deadline = pending.NewDeadline;
        Record(now, by, approve ? TaskAction.ExtensionApproved : TaskAction.ExtensionRefused, Status, reason);
    }

    /// <summary>Tạm dừng: the assigner or the office stops the work for now.</summary>
    public void Pause(string by, string? reason, DateTimeOffset now)
    {
        RequireStatus("tạm dừng", TaskState.NotStarted, TaskState.InProgress, TaskState.Redo);
        RequireReason(reason, "tạm dừng");
        PausedFrom = Status;
        Record(now, by, TaskAction.Paused, TaskState.Paused, reason);
    }

    public void Resume(string by, string? note, DateTimeOffset now)
    {
        RequireStatus("tiếp tục", TaskState.Paused);
        var back = PausedFrom ?? TaskState.InProgress;
        PausedFrom = null;
        Record(now, by, TaskAction.Resumed, back, note);
    }

    /// <summary>Từ chối: the lead unit declines a task that is not its function, before starting it.</summary>
    public void Refuse(string by, string? reason, DateTimeOffset now)
    {
        RequireStatus("từ chối nhiệm vụ", TaskState.NotStarted);
        RequireReason(reason, "từ chối nhiệm vụ");
        Record(now, by, TaskAction.Refused, TaskState.Refused, reason);
    }

    /// <summary>
    /// What a reminder tick finds on <paramref name="today"/>: becoming overdue or due soon, each at
    /// most once per deadline (ticks are at-least-once and may repeat). Returns what it recorded.
    /// </summary>
    public TaskAction? CheckDeadline(DateOnly today, WorkingCalendar calendar, int dueSoonWorkingDays, DateTimeOffset now)
    {
        if (Deadline is not { } due || !WantsReminders) return null;
        if (today > due)
        {
            if (OverdueNotifiedFor == due) return null;
            OverdueNotifiedFor = due;
            DueSoonNotifiedFor = due;
            Record(now, SystemActor, TaskAction.BecameOverdue, Status, $"Quá hạn {due:dd/MM/yyyy}");
            return TaskAction.BecameOverdue;
        }
        if (today >= calendar.DueSoonFrom(due, dueSoonWorkingDays) && DueSoonNotifiedFor != due)
        {
            DueSoonNotifiedFor = due;
            Record(now, SystemActor, TaskAction.BecameDueSoon, Status,
                $"Còn {calendar.WorkingDaysBetween(today, due)} ngày làm việc đến hạn {due:dd/MM/yyyy}");
            return TaskAction.BecameDueSoon;
        }
        return null;
    }

    /// <summary>When the next reminder should wake the task (Vietnam midnight of the day it changes), or null.</summary>
    public DateOnly? NextDeadlineDay(WorkingCalendar calendar, int dueSoonWorkingDays)
    {
        if (Deadline is not { } due || !WantsReminders || OverdueNotifiedFor == due) return null;
        return DueSoonNotifiedFor == due ? due.AddDays(1) : calendar.DueSoonFrom(due, dueSoonWorkingDays);
    }

    /// <summary>Reminders chase work that is still the unit's to do.</summary>
    public bool WantsReminders => Status is TaskState.NotStarted or TaskState.InProgress or TaskState.Redo;

    public const string SystemActor = "hệ thống";

    private void Record(DateTimeOffset now, string by, TaskAction action, TaskState to, string? note)
    {
        History.Add(new HistoryEntry(now, by, action, Status, to, note, Deadline));
        Status = to;
    }

    private void RequireStatus(string action, params TaskState[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw Rule($"Không thể {action} khi nhiệm vụ đang ở trạng thái \"{VocabularyNames.Of(Status)}\".", "illegal-transition");
        }
    }

    private static void RequireReason(string? reason, string action)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw Rule($"Phải nêu lý do khi {action}.", "reason-required", 400);
    }

    private static DomainRuleException Rule(string message, string code, int status = 409) => new(message, status, code);
}
