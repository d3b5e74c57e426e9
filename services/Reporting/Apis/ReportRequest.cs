using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Reporting.Domain;
using Platform.ServiceDefaults.Auth;

namespace Platform.Reporting.Apis;

/// <summary>
/// The period and scope a report request names. Leaders, the office (administrator) and
/// services see the province or any unit; a specialist sees only the unit in the token.
/// </summary>
public sealed record ReportRequest(ReportingPeriod Period, string? Unit)
{
    public static readonly IReadOnlyDictionary<string, PeriodKind> Kinds = new Dictionary<string, PeriodKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["month"] = PeriodKind.Month,
        ["quarter"] = PeriodKind.Quarter,
        ["half-year"] = PeriodKind.HalfYear,
        ["6-months"] = PeriodKind.HalfYear,
        ["nine-months"] = PeriodKind.NineMonths,
        ["9-months"] = PeriodKind.NineMonths,
        ["year"] = PeriodKind.Year,
    };

    public const int MaxUnitLength = 50;

    public static ReportRequestOutcome From(ClaimsPrincipal user, string? period, int? year, int? number, string? unit, DateOnly today)
    {
        if (!Kinds.TryGetValue(period ?? "quarter", out var kind))
        {
            return Problem("period", "Kỳ báo cáo phải là month, quarter, half-year, nine-months hoặc year.");
        }
        // A unit code goes into workbook XML and SQL parameters; control characters are not valid XML.
        if (unit is { } given && (given.Length > MaxUnitLength || given.Any(c => char.IsControl(c) || char.IsSurrogate(c))))
        {
            return Problem("unit", $"Mã đơn vị không hợp lệ: tối đa {MaxUnitLength} ký tự, không chứa ký tự điều khiển.");
        }
        ReportingPeriod resolved;
        try
        {
            resolved = year is null && number is null
                ? LatestClosedOrCurrent(kind, today)
                : ReportingPeriod.Of(kind, year ?? today.Year, number ?? 1);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            return Problem(exception.ParamName ?? "period", exception.Message.Split(" (Parameter")[0]);
        }
        var seesProvince = user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Service);
        if (seesProvince) return new(new ReportRequest(resolved, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim()), null, false);
        var own = user.Unit();
        if (string.IsNullOrEmpty(own) || (!string.IsNullOrWhiteSpace(unit) && unit.Trim() != own)) return new(null, null, true);
        return new(new ReportRequest(resolved, own), null, false);
    }

    /// <summary>With no year given, the period holding today (6 and 9 months fall back to the year's period once past).</summary>
    private static ReportingPeriod LatestClosedOrCurrent(PeriodKind kind, DateOnly today)
    {
        try { return ReportingPeriod.Containing(kind, today); }
        catch (ArgumentOutOfRangeException) { return ReportingPeriod.Of(kind, ReportingPeriod.Containing(PeriodKind.Year, today).Year); }
    }

    private static ReportRequestOutcome Problem(string key, string message) =>
        new(null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [message] }), false);
}

/// <summary>Either a request, a problem with the query, or a refusal of the scope.</summary>
public sealed record ReportRequestOutcome(ReportRequest? Request, ValidationProblem? Problem, bool Forbidden);
