using Platform.Contracts;

namespace Platform.Portal.Staff.Clients;

/// <summary>The Tasks service (theo dõi nhiệm vụ) as the signed-in person.</summary>
public sealed class TasksClient(HttpClient http) : ServiceClient(http, "nhiệm vụ")
{
    public Task<ApiResult<TaskItem[]>> ListAsync(string? unit, TaskState? state, string? timeliness, CancellationToken cancellationToken)
    {
        var query = new QueryString().AddIf("unit", unit).AddIf("status", state?.ToString()).AddIf("timeliness", timeliness);
        return GetAsync<TaskItem[]>("/api/tasks" + query.ToUriComponent(), cancellationToken);
    }

    public Task<ApiResult<TaskDetails>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<TaskDetails>($"/api/tasks/{id}", cancellationToken);

    public Task<ApiResult<TaskDetails>> ReportProgressAsync(Guid id, int percent, string? note, CancellationToken cancellationToken) =>
        PostAsync<TaskDetails>($"/api/tasks/{id}/progress", new { percent, note }, cancellationToken);

    public Task<ApiResult<TaskDetails>> CompleteAsync(Guid id, string? note, CancellationToken cancellationToken) =>
        PostAsync<TaskDetails>($"/api/tasks/{id}/completion", new { note }, cancellationToken);

    public Task<ApiResult<TaskDetails>> RequestExtensionAsync(Guid id, DateOnly newDeadline, string? reason, CancellationToken cancellationToken) =>
        PostAsync<TaskDetails>($"/api/tasks/{id}/extension", new { newDeadline, reason }, cancellationToken);

    /// <summary>A leader approves or refuses the pending extension; the reason is required either way.</summary>
    public Task<ApiResult<TaskDetails>> DecideExtensionAsync(Guid id, bool approve, string? reason, CancellationToken cancellationToken) =>
        PostAsync<TaskDetails>($"/api/tasks/{id}/extension/decision", new { approve, reason }, cancellationToken);

    /// <summary>The office confirms a reported completion (xác nhận hoàn thành).</summary>
    public Task<ApiResult<TaskDetails>> ConfirmCompletionAsync(Guid id, string? note, CancellationToken cancellationToken) =>
        PostAsync<TaskDetails>($"/api/tasks/{id}/confirm", new { reason = note }, cancellationToken);

    /// <summary>The office sends a completion back (trả lại): it counts as not done until reported again.</summary>
    public Task<ApiResult<TaskDetails>> ReturnCompletionAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        PostAsync<TaskDetails>($"/api/tasks/{id}/return", new { reason }, cancellationToken);

    public Task<ApiResult<Dashboard>> DashboardAsync(string? unit, CancellationToken cancellationToken) =>
        GetAsync<Dashboard>("/api/tasks/dashboard" + new QueryString().AddIf("unit", unit).ToUriComponent(), cancellationToken);
}

public sealed record TaskItem(
    Guid Id, Guid? SourceDocumentId, string? SourceDocumentNumber, string Content, string LeadUnit, IReadOnlyList<string> SupportingUnits,
    DateOnly? Deadline, string AssignedBy, TaskState State, string Timeliness, int Percent, DateOnly? CompletedOn);

public sealed record TaskDetails(TaskItem Task, IReadOnlyList<ProgressEntry> ProgressReports, IReadOnlyList<ExtensionEntry> Extensions);

public sealed record ProgressEntry(DateTimeOffset At, string By, int Percent, string? Note);

public sealed record ExtensionEntry(DateTimeOffset RequestedAt, string RequestedBy, DateOnly OldDeadline, DateOnly NewDeadline, string Reason, string Decision, string? DecisionReason);

public sealed record Dashboard(DateOnly On, DashboardRow? Province, DashboardRow[] Units);

/// <summary>One unit's tasks in the four report categories of DOMAIN.md, plus those due soon.</summary>
public sealed record DashboardRow(string Unit, int DoneOnTime, int DoneLate, int InProgressOnTime, int InProgressOverdue, int DueSoon);
