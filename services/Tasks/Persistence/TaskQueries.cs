using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Persistence;

/// <summary>Timeliness and the report categories as SQL over the read model, matching <see cref="Deadlines"/>.</summary>
public static class TaskQueries
{
    public static IQueryable<TrackedTask> WithTimeliness(IQueryable<TrackedTask> tasks, Timeliness wanted, DateOnly today) => wanted switch
    {
        Timeliness.NoDeadline => tasks.Where(t => t.Deadline == null),
        Timeliness.Overdue => tasks.Where(t => t.Deadline != null && t.State != TaskState.Refused
            && (t.State == TaskState.Done ? t.CompletedOn > t.Deadline : t.Deadline < today)),
        Timeliness.DueSoon => tasks.Where(t => t.Deadline != null && t.State != TaskState.Done && t.State != TaskState.Refused
            && t.Deadline >= today && t.DueSoonFrom <= today),
        _ => tasks.Where(t => t.Deadline != null && (t.State == TaskState.Refused
            || (t.State == TaskState.Done ? t.CompletedOn <= t.Deadline : t.Deadline >= today && t.DueSoonFrom > today))),
    };

    /// <summary>The four DOMAIN.md categories and due soon, per lead unit.</summary>
    public static async Task<DashboardRow[]> DashboardAsync(IQueryable<TrackedTask> tasks, DateOnly today, CancellationToken cancellationToken) =>
        [.. (await tasks.GroupBy(t => t.LeadUnit).Select(g => new DashboardRow(
                g.Key,
                g.Count(t => t.State == TaskState.Done && (t.Deadline == null || t.CompletedOn <= t.Deadline)),
                g.Count(t => t.State == TaskState.Done && t.Deadline != null && t.CompletedOn > t.Deadline),
                g.Count(t => t.State != TaskState.Done && t.State != TaskState.Refused && (t.Deadline == null || t.Deadline >= today)),
                g.Count(t => t.State != TaskState.Done && t.State != TaskState.Refused && t.Deadline < today),
                g.Count(t => t.State != TaskState.Done && t.State != TaskState.Refused && t.Deadline >= today && t.DueSoonFrom <= today)))
            .ToListAsync(cancellationToken)).OrderBy(r => r.Unit, StringComparer.Ordinal)];
}

/// <summary>
/// One line of the task report: hoàn thành đúng hạn, hoàn thành quá hạn, đang thực hiện trong
/// hạn, đang thực hiện quá hạn, and sắp đến hạn (a part of in progress on time).
/// </summary>
public sealed record DashboardRow(string Unit, int DoneOnTime, int DoneLate, int InProgressOnTime, int InProgressOverdue, int DueSoon)
{
    public static DashboardRow Total(string unit, IEnumerable<DashboardRow> rows)
    {
        var list = rows.ToList();
        return new(unit, list.Sum(r => r.DoneOnTime), list.Sum(r => r.DoneLate), list.Sum(r => r.InProgressOnTime),
            list.Sum(r => r.InProgressOverdue), list.Sum(r => r.DueSoon));
    }
}
