using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Documents.Exchange;
using Platform.ServiceDefaults.Auth;

namespace Platform.Documents.Apis;

/// <summary>Inter-agency exchange (liên thông văn bản): the agency directory and the edXML package of a document.</summary>
public static class ExchangeApi
{
    public static RouteGroupBuilder MapExchangeApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/documents/exchange")
            .RequireAuthorization(Policies.DocumentsAccess)
            .WithTags("Exchange");
        group.MapGet("/agencies", Agencies);
        group.MapGet("/outgoing/{id:guid}/package/{agencyCode}", Package).RequireAuthorization(p => p.RequireRole(Roles.Clerk, Roles.Administrator));
        return group;
    }

    private static Ok<AgencyView[]> Agencies(AgencyDirectory directory) =>
        TypedResults.Ok(directory.All.OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => new AgencyView(a.Code, a.Name, a.OrganizationInCharge, a.Endpoint is not null, a.Code == directory.Self.Code)).ToArray());

    /// <summary>The package as it would go to that agency; a clerk can also hand it to an axis by hand.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> Package(
        Guid id, string agencyCode, ClaimsPrincipal user, Persistence.DocumentsDbContext db, ExchangePackages packages, CancellationToken cancellationToken)
    {
        var document = await OutgoingDocumentsApi.FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        var xml = await packages.BuildAsync(document, agencyCode, cancellationToken);
        var bytes = Encoding.UTF8.GetBytes(xml.Declaration + "\n" + xml);
        var name = $"{document.NumberAndCode!.Replace('/', '-')}.{agencyCode}.edxml";
        return TypedResults.File(bytes, "application/xml", name);
    }
}

public sealed record AgencyView(string Code, string Name, string OrganizationInCharge, bool DirectEndpoint, bool IsSelf);
