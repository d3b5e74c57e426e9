using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Documents.Domain;
using Platform.Documents.Persistence;
using Platform.Documents.Signing;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Apis;

/// <summary>
/// Checks the signatures of an outgoing document: against the stored file, or against a copy
/// someone received. Anyone may check an issued public document; anything else needs read access.
/// </summary>
public static class VerificationApi
{
    public static RouteGroupBuilder MapVerificationApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/documents/outgoing").WithTags("Signature verification").AllowAnonymous();
        group.MapGet("/{id:guid}/verification", (Guid id, ClaimsPrincipal user, DocumentsDbContext db, DocumentSigning signing, CancellationToken ct) =>
            Verify(id, null, user, db, signing, ct));
        group.MapPost("/{id:guid}/verification", async (Guid id, IFormFile file, ClaimsPrincipal user, DocumentsDbContext db, DocumentSigning signing, CancellationToken ct) =>
        {
            if (file.Length > 100 * 1024 * 1024) throw new DomainRuleException("Tệp quá lớn để kiểm tra.", 413, "file-too-large");
            await using var stream = file.OpenReadStream();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            return await Verify(id, copy.ToArray(), user, db, signing, ct);
        }).DisableAntiforgery();
        return group;
    }

    private static async Task<Results<Ok<VerificationView>, NotFound>> Verify(
        Guid id, byte[]? copy, ClaimsPrincipal user, DocumentsDbContext db, DocumentSigning signing, CancellationToken cancellationToken)
    {
        var query = db.OutgoingDocuments.AsNoTracking().Where(d => d.Id == id);
        query = user.Identity?.IsAuthenticated == true && DocumentsPolicy(user)
            ? query.Where(DocumentAccess.For(user).OutgoingFilter())
            : query.Where(PublicFilesApi.Published);
        if (!await query.AnyAsync(cancellationToken)) return TypedResults.NotFound();
        return TypedResults.Ok(await signing.VerifyAsync(id, copy, cancellationToken));
    }

    private static bool DocumentsPolicy(ClaimsPrincipal user) =>
        Platform.ServiceDefaults.Auth.Policies.RolesByPolicy[Platform.ServiceDefaults.Auth.Policies.DocumentsAccess].Any(user.IsInRole);
}
