using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Reporting.Domain;
using Platform.Reporting.Reports;
using Platform.ServiceDefaults.Auth;

namespace Platform.Reporting.Apis;

/// <summary>The indicators (chỉ tiêu) of a periodic report as JSON, for the province or one unit.</summary>
public static class IndicatorsApi
{
    public sealed record PeriodInfo(string Key, string Title, DateOnly Start, DateOnly End, bool Closed);

    public static RouteGroupBuilder MapIndicatorsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/reports").RequireAuthorization(Policies.ReportsAccess).WithTags("Reports");
        group.MapGet("/indicators", Indicators);
        group.MapGet("/periods", Periods);
        return group;
    }

    private static async Task<Results<Ok<ReportFigures>, ValidationProblem, ForbidHttpResult>> Indicators(
        ClaimsPrincipal user, ReportService reports, string? period, int? year, int? number, string? unit, CancellationToken cancellationToken)
    {
        var outcome = ReportRequest.From(user, period, year, number, unit, reports.Today);
        if (outcome.Problem is { } problem) return problem;
        if (outcome.Request is not { } request) return TypedResults.Forbid();
        return TypedResults.Ok(await reports.FiguresAsync(request.Period, request.Unit, cancellationToken));
    }

    /// <summary>Every period of a year with its cut-off dates, so a client never computes them itself.</summary>
    private static Results<Ok<List<PeriodInfo>>, ValidationProblem> Periods(ReportService reports, int? year)
    {
        var today = reports.Today;
        var y = year ?? today.Year;
        if (y is < 1900 or > 9998)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Năm không hợp lệ."] });
        }
        var periods = Enumerable.Range(1, 12).Select(m => ReportingPeriod.Of(PeriodKind.Month, y, m))
            .Concat(Enumerable.Range(1, 4).Select(q => ReportingPeriod.Of(PeriodKind.Quarter, y, q)))
            .Concat([ReportingPeriod.Of(PeriodKind.HalfYear, y), ReportingPeriod.Of(PeriodKind.NineMonths, y), ReportingPeriod.Of(PeriodKind.Year, y)]);
        return TypedResults.Ok(periods.Select(p => new PeriodInfo(p.Key, p.Title, p.Start, p.End, p.IsClosedOn(today))).ToList());
    }
}
