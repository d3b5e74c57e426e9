using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Documents.Audit;
using Platform.Documents.Domain;
using Platform.Documents.Files;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Apis;

/// <summary>Files of an outgoing document: uploaded while it is a draft, downloadable by whoever may read it.</summary>
public static class OutgoingAttachmentsApi
{
    public static RouteGroupBuilder MapOutgoingAttachmentsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/attachments", Upload).DisableAntiforgery();
        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download);
        return group;
    }

    private static async Task<Results<Created<AttachmentView>, NotFound>> Upload(
        Guid id, IFormFile file, [FromForm] bool? main, ClaimsPrincipal user, DocumentsDbContext db, AttachmentStorage storage,
        AuditTrail audit, CancellationToken cancellationToken)
    {
        var document = await OutgoingDocumentsApi.FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        document.EnsureEditable(Actor.From(user));
        var attachment = await storage.StoreAsync(id, file, main ?? false, user, cancellationToken);
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        if (attachment.IsMain)
        {
            // One main file: the one a leader will sign. A new upload replaces the old one in the draft.
            await db.Attachments.Where(a => a.DocumentId == id && a.IsMain).ExecuteDeleteAsync(cancellationToken);
        }
        db.Attachments.Add(attachment);
        audit.Record(id, "Attach", document.Status, document.Status, $"{attachment.FileName} ({attachment.Sha256})");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/documents/outgoing/{id}/attachments/{attachment.Id}", AttachmentView.From(attachment));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(
        Guid id, Guid attachmentId, ClaimsPrincipal user, DocumentsDbContext db, IFileStore files, CancellationToken cancellationToken)
    {
        if (await OutgoingDocumentsApi.FindAsync(db, user, id, cancellationToken) is null) return TypedResults.NotFound();
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.DocumentId == id, cancellationToken);
        var stream = attachment is null ? null : await files.OpenReadAsync(attachment.Sha256, cancellationToken);
        return stream is null ? TypedResults.NotFound() : TypedResults.File(stream, attachment!.ContentType, attachment.FileName);
    }
}

/// <summary>Checks an upload (name, size, type), stores its bytes by hash and extracts the text of PDFs.</summary>
public sealed class AttachmentStorage(IFileStore files, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    public async Task<Attachment> StoreAsync(Guid documentId, IFormFile file, bool isMain, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var name = AttachmentRules.CheckName(file.FileName);
        var maxBytes = options.Value.MaxBytes;
        if (file.Length > maxBytes) throw TooLarge(maxBytes);
        var head = new byte[8];
        await using (var peek = file.OpenReadStream())
        {
            await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }
        var contentType = AttachmentRules.ContentTypeFor(name, head);
        StoredFile stored;
        await using (var content = file.OpenReadStream())
        {
            try { stored = await files.SaveAsync(content, maxBytes, cancellationToken); }
            catch (FileTooLargeException) { throw TooLarge(maxBytes); }
        }
        string? text = null;
        if (AttachmentRules.IsPdf(contentType))
        {
            await using var saved = (await files.OpenReadAsync(stored.Sha256, cancellationToken))!;
            using var buffer = new MemoryStream();
            await saved.CopyToAsync(buffer, cancellationToken);
            text = PdfText.Extract(buffer.ToArray());
        }
        return new Attachment
        {
            Id = Guid.CreateVersion7(),
            DocumentId = documentId,
            FileName = name,
            ContentType = contentType,
            Length = stored.Length,
            Sha256 = stored.Sha256,
            IsMain = isMain,
            ExtractedText = text,
            UploadedBy = Platform.ServiceDefaults.Auth.PlatformClaims.Username(user),
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    private static DomainRuleException TooLarge(long maxBytes) =>
        new($"Tệp vượt quá dung lượng cho phép ({maxBytes / (1024 * 1024)} MB).", 413, "file-too-large");
}
