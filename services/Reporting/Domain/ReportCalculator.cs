
namespace Platform.Reporting.Domain;

/// <summary>The facts a report needs, already narrowed to the period by the caller.</summary>
public sealed record ReportFacts(
    IReadOnlyList<DocumentFact> Documents,
    IReadOnlyList<AssignmentFact> Assignments,
    IReadOnlyList<TaskFact> Tasks,
    IReadOnlyList<TaskStatusFact> Statuses,
    IReadOnlyList<TaskAlertFact> Alerts,
    IReadOnlyList<GazettePublicationFact> Publications,
    IReadOnlyList<DocumentFact> GazetteReceipts,
    IReadOnlyList<FeedbackFact> Feedback);

/// <summary>
/// Works out the indicators of a period from facts. A task's status, deadline and alerts are
/// those known at the end of the as-of day (the cut-off, or today while the period is open),
/// so a closed period's figures do not move when later events arrive. Tasks counted are those
/// entered in the period.
/// </summary>
public static class ReportCalculator
{
    public const string Province = "province";

    public static readonly IReadOnlyList<string> PendingFigures =
    [
        "feedback.answered, feedback.overdue: chờ sự kiện trả lời phản ánh (FeedbackAnswered) từ Portal",
        "handling: văn bản đến được coi là đã xử lý khi mọi nhiệm vụ từ ý kiến chỉ đạo hoàn thành; chờ sự kiện hoàn thành xử lý văn bản từ Documents",
    ];

    public static ReportFigures Calculate(ReportingPeriod period, DateOnly today, string? unit, ReportFacts facts, int gazetteAllowedDays)
    {
        var asOf = today < period.End ? today : period.End;
        var tasks = TaskStates(facts, asOf);
        var documents = Documents(period, unit, facts);
        var unitTasks = tasks.Where(t => period.Contains(t.Entered) && (unit is null || t.Unit == unit)).ToList();
        return new ReportFigures(
            period.Key, period.Title, period.Start, period.End, asOf, unit ?? Province,
            documents,
            Handling(period, unit, facts, tasks, asOf),
            new TaskFigures(
                Categorise(unit ?? Province, unitTasks, asOf),
                [.. unitTasks.GroupBy(t => t.Unit).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Categorise(g.Key, g, asOf))]),
            unit is null ? Gazette(period, facts, gazetteAllowedDays) : null,
            unit is null ? new FeedbackFigures(facts.Feedback.Count(f => period.Contains(f.Day)), null, null) : null,
            PendingFigures);
    }

    private sealed record TaskAsOf(Guid TaskId, Guid? SourceDocumentId, string Unit, DateOnly Entered, DateOnly? Deadline, DateOnly? DoneOn, bool DueSoonAlerted);

    private static List<TaskAsOf> TaskStates(ReportFacts facts, DateOnly asOf)
    {
        var statuses = facts.Statuses.Where(s => s.Day <= asOf).ToLookup(s => s.TaskId);
        var alerts = facts.Alerts.Where(a => a.Day <= asOf).ToLookup(a => a.TaskId);
        return facts.Tasks.Where(t => t.Day <= asOf).GroupBy(t => t.TaskId).Select(g =>
        {
            var task = g.First();
            var last = statuses[task.TaskId].OrderBy(s => s.ChangedAt).ThenBy(s => s.EventId, StringComparer.Ordinal).LastOrDefault();
            var taskAlerts = alerts[task.TaskId].OrderBy(a => a.Day).ToList();
            // An extension shows up as a later alert carrying the new deadline.
            var deadline = taskAlerts.Count > 0 ? taskAlerts[^1].Deadline : task.Deadline;
            var doneOn = last?.To == Platform.Contracts.TaskState.Done ? last.Day : (DateOnly?)null;
            return new TaskAsOf(task.TaskId, task.SourceDocumentId, task.LeadUnit, task.Day, deadline, doneOn,
                taskAlerts.Any(a => a.Alert == TaskAlert.DueSoon && a.Deadline == deadline));
        }).ToList();
    }

    private static TaskCategoryRow Categorise(string unit, IEnumerable<TaskAsOf> tasks, DateOnly asOf)
    {
        int total = 0, doneOnTime = 0, doneLate = 0, onTime = 0, overdue = 0, dueSoon = 0;
        foreach (var task in tasks)
        {
            total++;
            if (task.DoneOn is { } done)
            {
                if (task.Deadline is null || done <= task.Deadline) doneOnTime++; else doneLate++;
            }
            else if (task.Deadline is { } deadline && deadline < asOf)
            {
                overdue++;
            }
            else
            {
                onTime++;
                if (task.DueSoonAlerted) dueSoon++;
            }
        }
        return new TaskCategoryRow(unit, total, doneOnTime, doneLate, onTime, overdue, dueSoon);
    }

    public static DocumentFigures Documents(ReportingPeriod period, string? unit, ReportFacts facts)
    {
        var leadUnits = LeadUnits(facts.Assignments);
        var inPeriod = facts.Documents.Where(d => period.Contains(d.Day)).ToList();
        var received = inPeriod.Where(d => d.Flow == DocumentFlow.Received)
            .Select(d => (Fact: d, Unit: leadUnits.GetValueOrDefault(d.DocumentId)?.LeadUnit ?? d.Unit))
            .Where(d => unit is null || d.Unit == unit).ToList();
        var issued = inPeriod.Where(d => d.Flow == DocumentFlow.Issued && (unit is null || d.Unit == unit)).ToList();
        return new DocumentFigures(
            received.Count, issued.Count,
            Count(received.Select(d => d.Unit)),
            Count(received.Select(d => d.Fact.DocumentType)),
            Count(received.Select(d => d.Fact.Urgency.ToString())),
            Count(issued.Select(d => d.Unit)),
            Count(issued.Select(d => d.DocumentType)));
    }

    /// <summary>A received document belongs to the unit that leads its handling, once a leader has named one.</summary>
    private static Dictionary<Guid, AssignmentFact> LeadUnits(IEnumerable<AssignmentFact> assignments) =>
        assignments.GroupBy(a => a.DocumentId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.AssignedAt).Last());

    private static HandlingFigures Handling(ReportingPeriod period, string? unit, ReportFacts facts, List<TaskAsOf> tasks, DateOnly asOf)
    {
        var assignments = LeadUnits(facts.Assignments);
        var tasksByDocument = tasks.Where(t => t.SourceDocumentId is not null).ToLookup(t => t.SourceDocumentId!.Value);
        int withDeadline = 0, handledOnTime = 0, handledLate = 0, open = 0, openOverdue = 0;
        foreach (var document in facts.Documents.Where(d => d.Flow == DocumentFlow.Received && period.Contains(d.Day)).DistinctBy(d => d.DocumentId))
        {
            if (!assignments.TryGetValue(document.DocumentId, out var assignment) || assignment.Deadline is not { } deadline) continue;
            if (unit is not null && assignment.LeadUnit != unit) continue;
            withDeadline++;
            var documentTasks = tasksByDocument[document.DocumentId].ToList();
            if (documentTasks.Count > 0 && documentTasks.All(t => t.DoneOn is not null))
            {
                if (documentTasks.Max(t => t.DoneOn!.Value) <= deadline) handledOnTime++; else handledLate++;
            }
            else if (deadline < asOf) openOverdue++;
            else open++;
        }
        decimal? share = withDeadline == 0 ? null : Math.Round(100m * handledOnTime / withDeadline, 2);
        return new HandlingFigures(withDeadline, handledOnTime, handledLate, open, openOverdue, share);
    }

    private static GazetteFigures Gazette(ReportingPeriod period, ReportFacts facts, int allowedDays)
    {
        var issuedOn = facts.GazetteReceipts.GroupBy(d => d.DocumentId).ToDictionary(g => g.Key, g => g.Min(d => d.Day));
        var published = facts.Publications.Where(p => period.Contains(p.PublishedDate))
            .GroupBy(p => p.DocumentId).Select(g => g.Min(p => p.PublishedDate) is var day ? (g.Key, Day: day) : default).ToList();
        var late = published.Count(p => issuedOn.TryGetValue(p.Key, out var issued) && p.Day > issued.AddDays(allowedDays));
        return new GazetteFigures(
            facts.GazetteReceipts.Where(d => period.Contains(d.Day)).Select(d => d.DocumentId).Distinct().Count(),
            published.Count, late, allowedDays);
    }

    private static List<CountRow> Count(IEnumerable<string> keys) =>
        [.. keys.GroupBy(k => k).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CountRow(g.Key, g.Count()))];
}
