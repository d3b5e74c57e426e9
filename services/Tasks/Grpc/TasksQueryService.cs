using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Grpc.Tasks;
using Platform.Tasks.Apis;
using Platform.Tasks.Persistence;

namespace Platform.Tasks.Grpc;

/// <summary>The gRPC queries Reporting and the Portal make, answered from the read model with the caller's visibility.</summary>
public sealed class TasksQueryService(TasksDbContext db, TaskViews views) : TasksQuery.TasksQueryBase
{
    public override async Task<TaskSummary> GetTask(GetTaskRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.TaskId, out var id)) throw new RpcException(new Status(StatusCode.InvalidArgument, "Mã nhiệm vụ không hợp lệ."));
        var user = context.GetHttpContext().User;
        var task = await TaskAccess.Visible(db.Tasks.AsNoTracking(), user).FirstOrDefaultAsync(t => t.Id == id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Không tìm thấy nhiệm vụ."));
        return Summary(task);
    }

    public override async Task<ListTasksByUnitResponse> ListTasksByUnit(ListTasksByUnitRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var query = TaskAccess.Visible(db.Tasks.AsNoTracking(), user);
        if (!string.IsNullOrWhiteSpace(request.Unit)) query = query.Where(t => t.LeadUnit == request.Unit);
        var size = Math.Clamp(request.PageSize <= 0 ? 100 : request.PageSize, 1, TasksApi.MaxPageSize);
        var page = Math.Max(request.Page, 1);
        var total = await query.CountAsync(context.CancellationToken);
        var tasks = await query.OrderByDescending(t => t.CreatedAtUtc).ThenBy(t => t.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(context.CancellationToken);
        var response = new ListTasksByUnitResponse { Total = total };
        response.Tasks.AddRange(tasks.Select(Summary));
        return response;
    }

    private TaskSummary Summary(TrackedTask task)
    {
        var summary = new TaskSummary
        {
            TaskId = task.Id.ToString(),
            SourceDocumentId = task.SourceDocumentId?.ToString() ?? "",
            Content = task.Content,
            LeadUnit = task.LeadUnit,
            Deadline = task.Deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Status = task.State.ToString(),
            Timeliness = task.TimelinessOn(views.Today).ToString(),
            CreatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(task.CreatedAtUtc, DateTimeKind.Utc)),
        };
        summary.SupportingUnits.AddRange(task.SupportingUnitList());
        return summary;
    }
}
