using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Reporting.Rebuild;
using Platform.ServiceDefaults.Auth;

namespace Platform.Reporting.Apis;

/// <summary>The office's administrator can rebuild the facts from the event log without shell access.</summary>
public static class RebuildApi
{
    public static RouteHandlerBuilder MapRebuildApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/reports/admin/rebuild", Rebuild)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Administrator)).WithTags("Reports");

    private static async Task<Ok<RebuildResult>> Rebuild(FactRebuilder rebuilder, ILogger<FactRebuilder> logger, CancellationToken cancellationToken)
    {
        var progress = new LoggedProgress(logger);
        return TypedResults.Ok(await rebuilder.RebuildAsync(progress, cancellationToken));
    }

    private sealed class LoggedProgress(ILogger logger) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => logger.LogInformation("Rebuild: {Replayed}/{Total} events replayed", value.Replayed, value.Total);
    }
}
