using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Reporting.Outputs;
using Platform.Reporting.Reports;
using Platform.ServiceDefaults.Auth;

namespace Platform.Reporting.Apis;

/// <summary>The report as a workbook, a printable page and dashboard charts; the same scope rules as the JSON indicators.</summary>
public static class ReportOutputsApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapReportOutputsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/reports").RequireAuthorization(Policies.ReportsAccess).WithTags("Reports");
        group.MapGet("/export.xlsx", Workbook);
        group.MapGet("/print", Printable);
        group.MapGet("/charts/documents-trend.png", DocumentTrend);
        group.MapGet("/charts/task-categories.png", TaskCategories);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult>> Workbook(
        ClaimsPrincipal user, ReportService reports, string? period, int? year, int? number, string? unit, CancellationToken cancellationToken)
    {
        var outcome = ReportRequest.From(user, period, year, number, unit, reports.Today);
        if (outcome.Problem is { } problem) return problem;
        if (outcome.Request is not { } request) return TypedResults.Forbid();
        var figures = await reports.FiguresAsync(request.Period, request.Unit, cancellationToken);
        return TypedResults.File(WorkbookWriter.Write(figures), Xlsx, $"bao-cao-{figures.PeriodKey}-{figures.Scope}.xlsx");
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ForbidHttpResult>> Printable(
        HttpContext http, ReportService reports, string? period, int? year, int? number, string? unit, CancellationToken cancellationToken)
    {
        var outcome = ReportRequest.From(http.User, period, year, number, unit, reports.Today);
        if (outcome.Problem is { } problem) return problem;
        if (outcome.Request is not { } request) return TypedResults.Forbid();
        var figures = await reports.FiguresAsync(request.Period, request.Unit, cancellationToken);
        http.Response.Headers.ContentSecurityPolicy = PrintablePage.ContentSecurityPolicy;
        return TypedResults.Text(PrintablePage.Render(figures), "text/html; charset=utf-8");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult>> DocumentTrend(
        ClaimsPrincipal user, ReportService reports, int? year, string? unit, CancellationToken cancellationToken)
    {
        var outcome = ReportRequest.From(user, "year", year ?? reports.Today.Year, 1, unit, reports.Today);
        if (outcome.Problem is { } problem) return problem;
        if (outcome.Request is not { } request) return TypedResults.Forbid();
        var months = await reports.MonthlyDocumentsAsync(request.Period.Year, request.Unit, cancellationToken);
        return TypedResults.File(ChartRenderer.DocumentTrend(request.Period.Year, months), "image/png");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult>> TaskCategories(
        ClaimsPrincipal user, ReportService reports, string? period, int? year, int? number, string? unit, CancellationToken cancellationToken)
    {
        var outcome = ReportRequest.From(user, period, year, number, unit, reports.Today);
        if (outcome.Problem is { } problem) return problem;
        if (outcome.Request is not { } request) return TypedResults.Forbid();
        var figures = await reports.FiguresAsync(request.Period, request.Unit, cancellationToken);
        return TypedResults.File(ChartRenderer.TaskCategories(figures.PeriodTitle, figures.Tasks.ByUnit), "image/png");
    }
}
