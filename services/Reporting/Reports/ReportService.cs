using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Domain;
using Platform.Reporting.Outputs;
using Platform.Reporting.Persistence;
using Platform.ServiceDefaults;

namespace Platform.Reporting.Reports;

/// <summary>Loads the facts of a period and hands them to <see cref="ReportCalculator"/>.</summary>
public sealed class ReportService(ReportingDbContext db, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>The gazette publishes within 7 days of receipt (DOMAIN.md section 4); provinces may set it.</summary>
    private int GazetteAllowedDays => configuration.GetValue("Reporting:GazettePublishDays", 7);

    public DateOnly Today => VietnamTime.Today(clock);

    public async Task<ReportFigures> FiguresAsync(ReportingPeriod period, string? unit, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var documents = await db.DocumentFacts.AsNoTracking().Where(d => d.Day >= start && d.Day <= end).ToListAsync(cancellationToken);
        var receivedIds = documents.Where(d => d.Flow == DocumentFlow.Received).Select(d => d.DocumentId).Distinct().ToList();
        var assignments = await db.AssignmentFacts.AsNoTracking().Where(a => receivedIds.Contains(a.DocumentId)).ToListAsync(cancellationToken);
        var tasks = await db.TaskFacts.AsNoTracking()
            .Where(t => (t.Day >= start && t.Day <= end) || (t.SourceDocumentId != null && receivedIds.Contains(t.SourceDocumentId.Value)))
            .ToListAsync(cancellationToken);
        var taskIds = tasks.Select(t => t.TaskId).Distinct().ToList();
        var statuses = await db.TaskStatusFacts.AsNoTracking().Where(s => taskIds.Contains(s.TaskId)).ToListAsync(cancellationToken);
        var alerts = await db.TaskAlertFacts.AsNoTracking().Where(a => taskIds.Contains(a.TaskId)).ToListAsync(cancellationToken);
        var publications = await db.GazettePublicationFacts.AsNoTracking().Where(p => p.PublishedDate >= start && p.PublishedDate <= end).ToListAsync(cancellationToken);
        var publishedIds = publications.Select(p => p.DocumentId).Distinct().ToList();
        var receipts = await db.DocumentFacts.AsNoTracking()
            .Where(d => d.Flow == DocumentFlow.Issued && d.ForGazette && ((d.Day >= start && d.Day <= end) || publishedIds.Contains(d.DocumentId)))
            .ToListAsync(cancellationToken);
        var feedback = await db.FeedbackFacts.AsNoTracking().Where(f => f.Day >= start && f.Day <= end).ToListAsync(cancellationToken);
        // Tasks entered in the period are the ones counted; tasks of the period's documents only feed their handling.
        var facts = new ReportFacts(documents, assignments, tasks, statuses, alerts, publications, receipts, feedback);
        return ReportCalculator.Calculate(period, Today, unit, facts, GazetteAllowedDays);
    }

    /// <summary>Documents received and issued in each monthly period of a year (the year's cut-off: 15/12 to 14/12).</summary>
    public async Task<IReadOnlyList<MonthlyDocuments>> MonthlyDocumentsAsync(int year, string? unit, CancellationToken cancellationToken)
    {
        var whole = ReportingPeriod.Of(PeriodKind.Year, year);
        var documents = await db.DocumentFacts.AsNoTracking().Where(d => d.Day >= whole.Start && d.Day <= whole.End).ToListAsync(cancellationToken);
        var receivedIds = documents.Where(d => d.Flow == DocumentFlow.Received).Select(d => d.DocumentId).Distinct().ToList();
        var assignments = unit is null
            ? []
            : await db.AssignmentFacts.AsNoTracking().Where(a => receivedIds.Contains(a.DocumentId)).ToListAsync(cancellationToken);
        var facts = new ReportFacts(documents, assignments, [], [], [], [], [], []);
        return [.. Enumerable.Range(1, 12).Select(m => ReportingPeriod.Of(PeriodKind.Month, year, m)).Select(month =>
        {
            var counts = ReportCalculator.Documents(month, unit, facts);
            return new MonthlyDocuments(month.Number, counts.Received, counts.Issued);
        })];
    }
}
