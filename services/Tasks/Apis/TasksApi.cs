using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;
using Platform.Tasks.Domain;
using Platform.Tasks.Grains;
using Platform.Tasks.Persistence;

namespace Platform.Tasks.Apis;

/// <summary>
/// Tasks: the list a unit works from (read model), direct entry (for example from a meeting's
/// conclusions), and every change, each made by the task's grain.
/// </summary>
public static class TasksApi
{
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/tasks").RequireAuthorization(Policies.TasksAccess).WithTags("Tasks");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapGet("/{id:guid}/history", History);
        group.MapPost("/", Create).RequireAuthorization(p => p.RequireRole(Roles.Leader, Roles.Administrator));
        group.MapPost("/{id:guid}/progress", (Guid id, ProgressRequest body, ClaimsPrincipal user, IGrainFactory grains, TaskViews views) =>
            Act(id, user, grains, views, TaskAccess.RequireLeadUnit, g => g.ReportProgress(user.Username(), body.Percent, body.Note?.Nfc(), Files(body.Attachments))));
        group.MapPost("/{id:guid}/completion", (Guid id, CompletionRequest body, ClaimsPrincipal user, IGrainFactory grains, TaskViews views) =>
            Act(id, user, grains, views, TaskAccess.RequireLeadUnit, g => g.SubmitCompletion(user.Username(), body.Note?.Nfc(), Files(body.Attachments))));
        group.MapPost("/{id:guid}/confirm", (Guid id, ReasonRequest body, ClaimsPrincipal user, IGrainFactory grains, TaskViews views) =>
            Act(id, user, grains, views, (_, u) => TaskAccess.RequireOffice(u), g => g.ConfirmCompletion(user.Username(), body.Reason?.Nfc())));
        group.MapPost("/{id:guid}/return", (Guid id, ReasonRequest body, ClaimsPrincipal user, IGrainFactory grains, TaskViews views) =>
            Act(id, user, grains, views, (_, u) => TaskAccess.RequireOffice(u), g => g.ReturnCompletion(user.Username(), body.Reason?.Nfc())));
        group.MapPost("/{id:guid}/extension", (Guid id, ExtensionRequestBody body, ClaimsPrincipal user, IGrainFactory grains, TaskViews views) =>
            Act(id, user, grains, views, TaskAccess.RequireLeadUnit, g => g.RequestExtension(user.Username(), body.NewDeadline, body.Reason?.Nfc())));
        group.MapPost("/{id:guid}/extension/decision", (Guid id, ExtensionDecisionRequest body, ClaimsPrincipal user, IGrainFactory grains, TaskViews views) =>
            Act(id, user, grains, views, (_, u) => TaskAccess.RequireLeader(u), g => g.DecideExtension(user.Username(), body.Approve, body.Reason?.Nfc())));
        group.MapPost("/{id:guid}/pause", (Guid id, ReasonRequest body, ClaimsPrincipal user, IGrainFactory grains, TaskViews views) =>
            Act(id, user, grains, views, (_, u) => TaskAccess.RequireLeaderOrOffice(u), g => g.Pause(user.Username(), body.Reason?.Nfc())));
        group.MapPost("/{id:guid}/resume", (Guid id, ReasonRequest body, ClaimsPrincipal user, IGrainFactory grains, TaskViews views) =>
            Act(id, user, grains, views, (_, u) => TaskAccess.RequireLeaderOrOffice(u), g => g.Resume(user.Username(), body.Reason?.Nfc())));
        group.MapPost("/{id:guid}/refuse", (Guid id, ReasonRequest body, ClaimsPrincipal user, IGrainFactory grains, TaskViews views) =>
            Act(id, user, grains, views, TaskAccess.RequireLeadUnit, g => g.Refuse(user.Username(), body.Reason?.Nfc())));
        return group;
    }

    /// <summary>Filters: unit, status, timeliness, assigner, deadline range, source document; paging (total in X-Total-Count).</summary>
    private static async Task<Ok<TaskView[]>> List(
        ClaimsPrincipal user, TasksDbContext db, TaskViews views, HttpResponse response, string? unit, TaskState? status,
        Timeliness? timeliness, string? assignedBy, DateOnly? deadlineFrom, DateOnly? deadlineTo, Guid? sourceDocumentId,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var today = views.Today;
        var query = TaskAccess.Visible(db.Tasks.AsNoTracking(), user);
        if (!string.IsNullOrWhiteSpace(unit)) query = query.Where(t => t.LeadUnit == unit);
        if (status is { } s) query = query.Where(t => t.State == s);
        if (!string.IsNullOrWhiteSpace(assignedBy)) query = query.Where(t => t.AssignedBy == assignedBy);
        if (deadlineFrom is { } from) query = query.Where(t => t.Deadline >= from);
        if (deadlineTo is { } to) query = query.Where(t => t.Deadline <= to);
        if (sourceDocumentId is { } doc) query = query.Where(t => t.SourceDocumentId == doc);
        if (timeliness is { } wanted) query = TaskQueries.WithTimeliness(query, wanted, today);
        var size = Math.Clamp(pageSize ?? 100, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        response.Headers["X-Total-Count"] = (await query.CountAsync(cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tasks = await query.OrderByDescending(t => t.CreatedAtUtc).ThenBy(t => t.Id)
            .Skip((number - 1) * size).Take(size).ToArrayAsync(cancellationToken);
        return TypedResults.Ok(tasks.Select(t => TaskView.From(t, today)).ToArray());
    }

    private static async Task<Results<Ok<TaskDetails>, NotFound>> Get(Guid id, ClaimsPrincipal user, IGrainFactory grains, TaskViews views)
    {
        var task = await grains.GetGrain<ITaskGrain>(id).Get();
        return task is null || !TaskAccess.CanSee(task, user) ? TypedResults.NotFound() : TypedResults.Ok(views.Details(task));
    }

    private static async Task<Results<Ok<HistoryView[]>, NotFound>> History(Guid id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var task = await grains.GetGrain<ITaskGrain>(id).Get();
        return task is null || !TaskAccess.CanSee(task, user)
            ? TypedResults.NotFound()
            : TypedResults.Ok(task.History.Select(HistoryView.Of).ToArray());
    }

    private static async Task<Results<Created<TaskView>, ValidationProblem>> Create(
        CreateTaskRequest request, ClaimsPrincipal user, IGrainFactory grains, TaskViews views)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Content) || request.Content.Length > 4000) errors["Content"] = ["Nội dung nhiệm vụ là bắt buộc, tối đa 4000 ký tự."];
        if (string.IsNullOrWhiteSpace(request.LeadUnit) || request.LeadUnit.Length > 50) errors["LeadUnit"] = ["Đơn vị chủ trì là bắt buộc."];
        if (request.Deadline is { } due && due < views.Today) errors["Deadline"] = ["Hạn xử lý không được trước ngày hôm nay."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Dữ liệu nhiệm vụ không hợp lệ");
        var supporting = (request.SupportingUnits ?? []).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Nfc()).Distinct().ToArray();
        var id = Guid.CreateVersion7();
        var outcome = await grains.GetGrain<ITaskGrain>(id).Create(new NewTask(
            id, null, null, request.Content!.Nfc(), request.LeadUnit!.Nfc(), supporting, request.Deadline, user.Username(), Secrecy.None));
        return TypedResults.Created($"/api/tasks/{id}", views.View(outcome.TaskOrThrow()));
    }

    private static async Task<Ok<TaskDetails>> Act(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, TaskViews views,
        Action<TaskRecord, ClaimsPrincipal> authorize, Func<ITaskGrain, Task<TaskOutcome>> change)
    {
        var grain = grains.GetGrain<ITaskGrain>(id);
        var task = await grain.Get();
        if (task is null || !TaskAccess.CanSee(task, user)) throw new DomainRuleException("Không tìm thấy nhiệm vụ.", 404, "not-found");
        authorize(task, user);
        var outcome = await change(grain);
        return TypedResults.Ok(views.Details(outcome.TaskOrThrow()));
    }

    private static string[] Files(string[]? attachments) =>
        [.. (attachments ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Nfc()).Take(20)];
}
