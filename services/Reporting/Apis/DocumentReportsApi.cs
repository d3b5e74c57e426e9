using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Domain;
using Platform.Reporting.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;

namespace Platform.Reporting.Apis;

/// <summary>Document counts by day range: the first indicator of the office's periodic report.</summary>
public static class DocumentReportsApi
{
    public sealed record DocumentCounts(DateOnly From, DateOnly To, int Received, int Issued, IReadOnlyDictionary<string, int> ReceivedByType);

    public static RouteGroupBuilder MapDocumentReportsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/reports").RequireAuthorization(Policies.ReportsAccess).WithTags("Reports");
        group.MapGet("/documents", Documents);
        return group;
    }

    private static async Task<Results<Ok<DocumentCounts>, ValidationProblem>> Documents(
        ReportingDbContext db, TimeProvider clock, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Ngày bắt đầu phải trước ngày kết thúc."] });
        }
        var facts = db.DocumentFacts.AsNoTracking().Where(f => f.Day >= start && f.Day <= end);
        var byFlow = await facts.GroupBy(f => f.Flow).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byType = await facts.Where(f => f.Flow == DocumentFlow.Received)
            .GroupBy(f => f.DocumentType).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return TypedResults.Ok(new DocumentCounts(
            start, end,
            byFlow.FirstOrDefault(g => g.Key == DocumentFlow.Received)?.Count ?? 0,
            byFlow.FirstOrDefault(g => g.Key == DocumentFlow.Issued)?.Count ?? 0,
            byType));
    }
}
