using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Gazette.Domain;
using Platform.Gazette.Persistence;
using Platform.ServiceDefaults.Auth;

namespace Platform.Gazette.Apis;

/// <summary>The gazette register (sổ đăng ký văn bản gửi đăng công báo).</summary>
public static class GazetteRegisterApi
{
    public static RouteGroupBuilder MapGazetteRegisterApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/gazette").RequireAuthorization(Policies.GazetteAccess).WithTags("Gazette register");
        group.MapGet("/register", List);
        return group;
    }

    private static async Task<Ok<GazetteEntry[]>> List(GazetteDbContext db, int? year, CancellationToken cancellationToken)
    {
        var query = db.Entries.AsNoTracking();
        if (year is not null) query = query.Where(e => e.ReceivedDate.Year == year);
        return TypedResults.Ok(await query.OrderByDescending(e => e.ReceivedAtUtc).Take(500).ToArrayAsync(cancellationToken));
    }
}
