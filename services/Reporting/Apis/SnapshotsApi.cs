using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Reporting.Reports;
using Platform.Reporting.Snapshots;
using Platform.ServiceDefaults.Auth;

namespace Platform.Reporting.Apis;

/// <summary>Signed reports of closed periods: generate (or compare with the signed one), read, download content and signature.</summary>
public static class SnapshotsApi
{
    public sealed record Verification(long Id, bool Valid, string? Signer, string Sha256);

    public static RouteGroupBuilder MapSnapshotsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/reports/snapshots").RequireAuthorization(Policies.ReportsAccess).WithTags("Reports");
        group.MapPost("/", Generate);
        group.MapGet("/{id:long}/content", Content);
        group.MapGet("/{id:long}/signature", Signature);
        group.MapGet("/{id:long}/verify", Verify);
        return group;
    }

    private static async Task<Results<Created<SnapshotOutcome>, Ok<SnapshotOutcome>, ValidationProblem, ForbidHttpResult>> Generate(
        ClaimsPrincipal user, ReportService reports, SnapshotService snapshots, string? period, int? year, int? number, string? unit, CancellationToken cancellationToken)
    {
        var outcome = ReportRequest.From(user, period, year, number, unit, reports.Today);
        if (outcome.Problem is { } problem) return problem;
        if (outcome.Request is not { } request) return TypedResults.Forbid();
        if (!request.Period.IsClosedOn(reports.Today))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["period"] = [$"Kỳ {request.Period.Title} chưa chốt số liệu (đến hết ngày {request.Period.End:dd/MM/yyyy}); chỉ ký báo cáo của kỳ đã kết thúc."],
            });
        }
        var result = await snapshots.GenerateAsync(request.Period, request.Unit, user, cancellationToken);
        return result.Created ? TypedResults.Created($"/api/reports/snapshots/{result.Snapshot.Id}/content", result) : TypedResults.Ok(result);
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> Content(long id, ClaimsPrincipal user, SnapshotService snapshots, CancellationToken cancellationToken) =>
        await snapshots.FindAsync(id, cancellationToken) switch
        {
            null => TypedResults.NotFound(),
            var s when !MaySee(user, s.Scope) => TypedResults.Forbid(),
            var s => TypedResults.File(s.Content, "application/json", $"bao-cao-{s.PeriodKey}-{s.Scope}.json"),
        };

    private static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> Signature(long id, ClaimsPrincipal user, SnapshotService snapshots, CancellationToken cancellationToken) =>
        await snapshots.FindAsync(id, cancellationToken) switch
        {
            null => TypedResults.NotFound(),
            var s when !MaySee(user, s.Scope) => TypedResults.Forbid(),
            var s => TypedResults.File(s.Signature, "application/pkcs7-signature", $"bao-cao-{s.PeriodKey}-{s.Scope}.p7s"),
        };

    private static async Task<Results<Ok<Verification>, NotFound, ForbidHttpResult>> Verify(long id, ClaimsPrincipal user, SnapshotService snapshots, CancellationToken cancellationToken) =>
        await snapshots.FindAsync(id, cancellationToken) switch
        {
            null => TypedResults.NotFound(),
            var s when !MaySee(user, s.Scope) => TypedResults.Forbid(),
            var s => TypedResults.Ok(new Verification(s.Id, ReportSigner.Verify(s.Content, s.Signature) is not null, ReportSigner.Verify(s.Content, s.Signature), s.Sha256)),
        };

    private static bool MaySee(ClaimsPrincipal user, string scope) =>
        user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Service) || user.Unit() == scope;
}
