using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Storage;
using Platform.Tasks.Domain;
using Platform.Tasks.Persistence;

namespace Platform.Tasks.Apis;

/// <summary>Tasks: the list a unit works from, and direct entry (for example from a meeting's conclusions).</summary>
public static class TasksApi
{
    public sealed record CreateTaskRequest(string? Content, string? LeadUnit, string[]? SupportingUnits, DateOnly? Deadline);

    public sealed record TaskView(
        Guid Id, Guid? SourceDocumentId, string? SourceDocumentNumber, string Content, string LeadUnit,
        IReadOnlyList<string> SupportingUnits, DateOnly? Deadline, string AssignedBy, string State, string Timeliness,
        DateTime CreatedAtUtc)
    {
        public static TaskView From(TrackedTask t, DateOnly today) => new(
            t.Id, t.SourceDocumentId, t.SourceDocumentNumber, t.Content, t.LeadUnit, t.SupportingUnitList(), t.Deadline,
            t.AssignedBy, t.State.ToString(), t.TimelinessOn(today).ToString(), t.CreatedAtUtc);
    }

    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/tasks").RequireAuthorization(Policies.TasksAccess).WithTags("Tasks");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create).RequireAuthorization(p => p.RequireRole(Roles.Leader, Roles.Administrator));
        return group;
    }

    private static IQueryable<TrackedTask> Visible(TasksDbContext db, ClaimsPrincipal user)
    {
        var clearance = user.Clearance();
        var tasks = db.Tasks.AsNoTracking().Where(t => t.Secrecy <= clearance);
        if (user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Administrator)) return tasks;
        var unit = user.Unit() ?? "\u0000";
        var listed = "," + unit + ",";
        return tasks.Where(t => t.LeadUnit == unit || ("," + t.SupportingUnits + ",").Contains(listed));
    }

    private static async Task<Ok<TaskView[]>> List(ClaimsPrincipal user, TasksDbContext db, TimeProvider clock, string? unit, CancellationToken cancellationToken)
    {
        var query = Visible(db, user);
        if (!string.IsNullOrWhiteSpace(unit)) query = query.Where(t => t.LeadUnit == unit);
        var tasks = await query.OrderByDescending(t => t.CreatedAtUtc).Take(500).ToArrayAsync(cancellationToken);
        var today = VietnamTime.Today(clock);
        return TypedResults.Ok(tasks.Select(t => TaskView.From(t, today)).ToArray());
    }

    private static async Task<Results<Ok<TaskView>, NotFound>> Get(Guid id, ClaimsPrincipal user, TasksDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var task = await Visible(db, user).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return task is null ? TypedResults.NotFound() : TypedResults.Ok(TaskView.From(task, VietnamTime.Today(clock)));
    }

    private static async Task<Results<Created<TaskView>, ValidationProblem>> Create(
        CreateTaskRequest request, ClaimsPrincipal user, TasksDbContext db, Outbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Content) || request.Content.Length > 4000) errors["Content"] = ["Nội dung nhiệm vụ là bắt buộc, tối đa 4000 ký tự."];
        if (string.IsNullOrWhiteSpace(request.LeadUnit) || request.LeadUnit.Length > 50) errors["LeadUnit"] = ["Đơn vị chủ trì là bắt buộc."];
        var today = VietnamTime.Today(clock);
        if (request.Deadline is { } due && due < today) errors["Deadline"] = ["Hạn xử lý không được trước ngày hôm nay."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Dữ liệu nhiệm vụ không hợp lệ");
        var supporting = (request.SupportingUnits ?? []).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Nfc()).Distinct().ToArray();
        var task = new TrackedTask
        {
            Id = Guid.CreateVersion7(),
            Content = request.Content!.Nfc(),
            LeadUnit = request.LeadUnit!.Nfc(),
            SupportingUnits = string.Join(',', supporting),
            Deadline = request.Deadline,
            AssignedBy = user.Username(),
            Secrecy = Secrecy.None,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Tasks.Add(task);
        outbox.Add(new TaskCreated(task.Id, null, task.Content, task.LeadUnit, supporting, task.Deadline, task.AssignedBy, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/tasks/{task.Id}", TaskView.From(task, today));
    }
}
