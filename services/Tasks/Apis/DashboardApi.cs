using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;
using Platform.Tasks.Persistence;

namespace Platform.Tasks.Apis;

/// <summary>The task dashboard: per unit, and province-wide for those who see every unit.</summary>
public static class DashboardApi
{
    public sealed record Dashboard(DateOnly On, DashboardRow? Province, DashboardRow[] Units);

    public static RouteHandlerBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/tasks/dashboard", Get).RequireAuthorization(Policies.TasksAccess).WithTags("Tasks");

    private static async Task<Ok<Dashboard>> Get(ClaimsPrincipal user, TasksDbContext db, TaskViews views, string? unit, CancellationToken cancellationToken)
    {
        var tasks = TaskAccess.Visible(db.Tasks.AsNoTracking(), user);
        if (!string.IsNullOrWhiteSpace(unit)) tasks = tasks.Where(t => t.LeadUnit == unit);
        var rows = await TaskQueries.DashboardAsync(tasks, views.Today, cancellationToken);
        var province = TaskAccess.SeesAll(user) && string.IsNullOrWhiteSpace(unit) ? DashboardRow.Total("Toàn tỉnh", rows) : null;
        return TypedResults.Ok(new Dashboard(views.Today, province, rows));
    }
}
