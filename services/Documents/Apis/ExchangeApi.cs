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
        // Other agencies call these: they sign their calls with the key we share, they have no account here.
        group.MapPost("/packages", Receive).AllowAnonymous().DisableAntiforgery()
            .WithMetadata(new CallerAuthenticatedByEndpoint("HMAC-SHA256 of the body and time with the key shared with the sending agency"));
        group.MapGet("/certificate", (ExchangeTrust trust) => TypedResults.Text(trust.OwnRootPem(), "application/x-pem-file")).AllowAnonymous();
        group.MapReceivedPackagesApi();
        return group;
    }

    private static Ok<AgencyView[]> Agencies(AgencyDirectory directory) =>
        TypedResults.Ok(directory.All.OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => new AgencyView(a.Code, a.Name, a.OrganizationInCharge, a.Endpoint is not null, a.Code == directory.Self.Code)).ToArray());

    /// <summary>
    /// Where another agency posts an edXML package, document or status. The caller names itself and signs
    /// the call (<see cref="ExchangeCallerSignature"/>); the answer is <c>{"status":"01","label":"Đã đến"}</c>
    /// (or the status code applied), or a ProblemDetails saying in Vietnamese why the package is refused.
    /// </summary>
    private static async Task<Ok<FeedbackAnswer>> Receive(
        HttpRequest request, AgencyDirectory directory, ExchangeInbox inbox, Microsoft.Extensions.Options.IOptions<ExchangeOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        // A package carries its files base64-encoded: larger than any one upload, so it has its own limit.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ExchangeInbox.MaxPackageBytes;
        }
        if (request.ContentLength > ExchangeInbox.MaxPackageBytes) throw TooLarge();
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
        var body = buffer.ToArray();
        var caller = ExchangeCallerSignature.Verify(
            request.Headers[ExchangeCallerSignature.AgencyHeader], request.Headers[ExchangeCallerSignature.TimestampHeader],
            request.Headers[ExchangeCallerSignature.SignatureHeader], body, directory, clock.GetUtcNow(), options.Value.ClockSkew);
        var status = await inbox.ReceiveAsync(caller, body, cancellationToken);
        return TypedResults.Ok(new FeedbackAnswer(status.Code(), status.Label()));
    }

    private static Platform.ServiceDefaults.Errors.DomainRuleException TooLarge() =>
        new($"Gói tin vượt quá dung lượng cho phép ({ExchangeInbox.MaxPackageBytes / (1024 * 1024)} MB).", 413, "package-too-large");

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

public sealed record FeedbackAnswer(string Status, string Label);

public sealed record AgencyView(string Code, string Name, string OrganizationInCharge, bool DirectEndpoint, bool IsSelf);
