using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Documents.Domain;
using Platform.Documents.Persistence;
using Platform.Documents.Registers;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Apis;

/// <summary>
/// The registers (sổ đăng ký) for a period, as JSON or as an XLSX to print: incoming, outgoing and
/// the follow-up register. Rows are trimmed by the reader's unit and clearance like every read.
/// </summary>
public static class RegistersApi
{
    private const int MaxRows = 100_000;

    public static RouteGroupBuilder MapRegistersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/documents/registers")
            .RequireAuthorization(Policies.DocumentsAccess)
            .WithTags("Registers");
        group.MapGet("/incoming", Incoming);
        group.MapGet("/outgoing", Outgoing);
        group.MapGet("/follow-up", FollowUp);
        return group;
    }

    private static async Task<Results<Ok<Register>, FileContentHttpResult>> Incoming(
        ClaimsPrincipal user, DocumentsDbContext db, TimeProvider clock, DateOnly? from, DateOnly? to, string? format, CancellationToken cancellationToken)
    {
        var (start, end, startUtc, endUtc) = Period(clock, from, to);
        var documents = await db.IncomingDocuments.AsNoTracking().Where(DocumentAccess.For(user).Filter())
            .Where(d => d.ArrivedAtUtc >= startUtc && d.ArrivedAtUtc < endUtc)
            .OrderBy(d => d.Year).ThenBy(d => d.ArrivalNumber).Take(MaxRows).ToListAsync(cancellationToken);
        return Answer(RegisterBuilder.Incoming(documents, start, end), format, "so-van-ban-den");
    }

    private static async Task<Results<Ok<Register>, FileContentHttpResult>> Outgoing(
        ClaimsPrincipal user, DocumentsDbContext db, TimeProvider clock, DateOnly? from, DateOnly? to, string? format, CancellationToken cancellationToken)
    {
        var (start, end, _, _) = Period(clock, from, to);
        var documents = await db.OutgoingDocuments.AsNoTracking().Where(DocumentAccess.For(user).OutgoingFilter())
            .Where(d => d.IssuedDate != null && d.IssuedDate >= start && d.IssuedDate <= end)
            .OrderBy(d => d.IssuedAtUtc).Take(MaxRows).ToListAsync(cancellationToken);
        return Answer(RegisterBuilder.Outgoing(documents, start, end), format, "so-van-ban-di");
    }

    private static async Task<Results<Ok<Register>, FileContentHttpResult>> FollowUp(
        ClaimsPrincipal user, DocumentsDbContext db, TimeProvider clock, DateOnly? from, DateOnly? to, string? format, CancellationToken cancellationToken)
    {
        var (start, end, startUtc, endUtc) = Period(clock, from, to);
        var documents = await db.IncomingDocuments.AsNoTracking().Where(DocumentAccess.For(user).Filter())
            .Where(d => d.LeadUnit != null && d.ArrivedAtUtc >= startUtc && d.ArrivedAtUtc < endUtc)
            .OrderBy(d => d.Year).ThenBy(d => d.ArrivalNumber).Take(MaxRows).ToListAsync(cancellationToken);
        return Answer(RegisterBuilder.FollowUp(documents, start, end, VietnamTime.Today(clock)), format, "so-theo-doi-giai-quyet");
    }

    /// <summary>The period in Vietnam days (this year by default) and the UTC instants that bound it.</summary>
    private static (DateOnly From, DateOnly To, DateTime FromUtc, DateTime ToUtc) Period(TimeProvider clock, DateOnly? from, DateOnly? to)
    {
        var today = VietnamTime.Today(clock);
        var start = from ?? new DateOnly(today.Year, 1, 1);
        var end = to ?? new DateOnly(today.Year, 12, 31);
        if (end < start) throw new DomainRuleException("Ngày kết thúc không được trước ngày bắt đầu.", 400, "bad-period");
        if (end.DayNumber - start.DayNumber > 3 * 366) throw new DomainRuleException("Mỗi lần xem sổ tối đa 3 năm.", 400, "period-too-long");
        var offset = VietnamTime.Zone.BaseUtcOffset;
        var fromUtc = start.ToDateTime(TimeOnly.MinValue) - offset;
        var toUtc = end.AddDays(1).ToDateTime(TimeOnly.MinValue) - offset;
        return (start, end, DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), DateTime.SpecifyKind(toUtc, DateTimeKind.Utc));
    }

    private static Results<Ok<Register>, FileContentHttpResult> Answer(Register register, string? format, string fileName) =>
        format is not (null or "json" or "xlsx")
            ? throw new DomainRuleException("Định dạng sổ chỉ có json hoặc xlsx.", 400, "bad-format")
            : format == "xlsx"
            ? TypedResults.File(XlsxRegister.Write(register), XlsxRegister.ContentType, $"{fileName}-{register.From:yyyyMMdd}-{register.To:yyyyMMdd}.xlsx")
            : TypedResults.Ok(register);
}
