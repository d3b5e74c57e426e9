using System.Security.Claims;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;
using Platform.Tasks.Domain;
using Platform.Tasks.Persistence;

namespace Platform.Tasks.Apis;

/// <summary>
/// Who sees and who acts. Leaders, the office (clerks) and administrators see every task;
/// others see their unit's tasks, as lead or supporting unit. The lead unit reports; the
/// office confirms or returns; a leader decides extensions; leaders and the office pause.
/// </summary>
public static class TaskAccess
{
    public static bool SeesAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Service);

    public static IQueryable<TrackedTask> Visible(IQueryable<TrackedTask> tasks, ClaimsPrincipal user)
    {
        var clearance = user.Clearance();
        tasks = tasks.Where(t => t.Secrecy <= clearance);
        if (SeesAll(user)) return tasks;
        var unit = user.Unit() ?? "\u0000";
        var listed = "," + unit + ",";
        return tasks.Where(t => t.LeadUnit == unit || ("," + t.SupportingUnits + ",").Contains(listed));
    }

    public static bool CanSee(TaskRecord task, ClaimsPrincipal user) =>
        task.Secrecy <= user.Clearance()
        && (SeesAll(user) || task.LeadUnit == user.Unit() || task.SupportingUnits.Contains(user.Unit() ?? "\u0000"));

    public static void RequireLeadUnit(TaskRecord task, ClaimsPrincipal user)
    {
        if (task.LeadUnit != user.Unit() && !user.IsInRole(Roles.Administrator))
            throw new DomainRuleException($"Chỉ đơn vị chủ trì ({task.LeadUnit}) mới thực hiện được thao tác này.", 403, "not-lead-unit");
    }

    public static void RequireOffice(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Clerk) && !user.IsInRole(Roles.Administrator))
            throw new DomainRuleException("Chỉ Văn phòng mới xác nhận hoặc trả lại kết quả nhiệm vụ.", 403, "not-office");
    }

    public static void RequireLeader(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Leader))
            throw new DomainRuleException("Chỉ lãnh đạo mới quyết định việc này.", 403, "not-leader");
    }

    public static void RequireLeaderOrOffice(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Leader) && !user.IsInRole(Roles.Clerk) && !user.IsInRole(Roles.Administrator))
            throw new DomainRuleException("Chỉ lãnh đạo hoặc Văn phòng mới tạm dừng, tiếp tục nhiệm vụ.", 403, "not-leader-or-office");
    }
}
