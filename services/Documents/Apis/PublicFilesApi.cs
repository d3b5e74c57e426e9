using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Documents.Domain;
using Platform.Documents.Files;
using Platform.Documents.Persistence;

namespace Platform.Documents.Apis;

/// <summary>
/// The files of an issued public document, for the portal to offer for download: no token,
/// since such a document is public by decision; anything else answers 404 as if it did not exist.
/// The gateway does not route this path; only the portal, inside the cluster, calls it.
/// </summary>
public static class PublicFilesApi
{
    /// <summary>Issued (or filed after issue), marked public and not secret: what the public may see.</summary>
    public static readonly Expression<Func<OutgoingDocument, bool>> Published =
        d => d.IsPublic && d.Secrecy == Secrecy.None && (d.Status == OutgoingStatus.Issued || d.Status == OutgoingStatus.Filed);

    public sealed record PublicFileView(Guid Id, string FileName, string ContentType, long Length, string Sha256, bool IsMain);

    public static RouteGroupBuilder MapPublicFilesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/documents/public").WithTags("Public files").AllowAnonymous();
        group.MapGet("/{id:guid}/files", List);
        group.MapGet("/{id:guid}/files/{fileId:guid}", Download);
        return group;
    }

    private static async Task<Results<Ok<PublicFileView[]>, NotFound>> List(Guid id, DocumentsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.OutgoingDocuments.Where(d => d.Id == id).Where(Published).AnyAsync(cancellationToken)) return TypedResults.NotFound();
        return TypedResults.Ok(await db.Attachments.AsNoTracking().Where(a => a.DocumentId == id)
            .OrderByDescending(a => a.IsMain).ThenBy(a => a.FileName)
            .Select(a => new PublicFileView(a.Id, a.FileName, a.ContentType, a.Length, a.Sha256, a.IsMain)).ToArrayAsync(cancellationToken));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(
        Guid id, Guid fileId, DocumentsDbContext db, IFileStore files, CancellationToken cancellationToken)
    {
        if (!await db.OutgoingDocuments.Where(d => d.Id == id).Where(Published).AnyAsync(cancellationToken)) return TypedResults.NotFound();
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == fileId && a.DocumentId == id, cancellationToken);
        var stream = attachment is null ? null : await files.OpenReadAsync(attachment.Sha256, cancellationToken);
        return stream is null ? TypedResults.NotFound() : TypedResults.File(stream, attachment!.ContentType, attachment.FileName);
    }
}
