using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Documents.Audit;
using Platform.Documents.Domain;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Apis;

/// <summary>Outgoing documents (văn bản đi): drafts, their reading, and the audit trail.</summary>
public static class OutgoingDocumentsApi
{
    public static RouteGroupBuilder MapOutgoingDocumentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/documents/outgoing")
            .RequireAuthorization(Policies.DocumentsAccess)
            .WithTags("Outgoing documents");
        group.MapPost("/", Create).RequireAuthorization(p => p.RequireRole(Roles.Specialist));
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPut("/{id:guid}", Update);
        group.MapGet("/{id:guid}/audit", Audit);
        group.MapOutgoingFlowApi();
        group.MapOutgoingAttachmentsApi();
        group.MapOutgoingRecipientsApi();
        return group;
    }

    private static async Task<Results<Created<OutgoingDocumentView>, ValidationProblem>> Create(
        CreateOutgoingDocumentRequest request, ClaimsPrincipal user, DocumentsDbContext db, AuditTrail audit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Dữ liệu dự thảo không hợp lệ");
        var access = DocumentAccess.For(user);
        if (request.ReplacesId is { } replaced)
        {
            // Only a document that went out can be replaced; a draft is simply edited.
            var original = await db.OutgoingDocuments.AsNoTracking().Where(access.OutgoingFilter())
                .FirstOrDefaultAsync(d => d.Id == replaced, cancellationToken)
                ?? throw new DomainRuleException("Không tìm thấy văn bản được thay thế.", 404, "replaced-not-found");
            if (original.Status is not (OutgoingStatus.Issued or OutgoingStatus.Filed or OutgoingStatus.Recalled))
            {
                throw new DomainRuleException("Chỉ thay thế được văn bản đã phát hành.", 409, "replaced-not-issued");
            }
        }
        var document = new OutgoingDocument
        {
            Id = Guid.CreateVersion7(),
            DocumentType = DocumentTypes.Get(request.DocumentType!).Name,
            Subject = request.Subject!.Nfc(),
            Urgency = request.Urgency,
            Secrecy = request.Secrecy,
            DraftingUnit = user.Unit() ?? "",
            DraftedBy = user.Username(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Recipients = request.NormalizedRecipients(),
            CopyCount = request.CopyCount ?? 1,
            ReplacesId = request.ReplacesId,
        };
        document.SetFlags(request.IsPublic, request.IsLegalNormative);
        db.OutgoingDocuments.Add(document);
        audit.Record(document.Id, "Create", null, document.Status, request.ReplacesId is { } r ? $"Thay thế văn bản {r}" : null);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/documents/outgoing/{document.Id}", await ViewAsync(db, document, user, cancellationToken));
    }

    private static async Task<Results<Ok<OutgoingDocumentView>, NotFound, ValidationProblem>> Update(
        Guid id, UpdateOutgoingDocumentRequest request, ClaimsPrincipal user, DocumentsDbContext db, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        var document = await FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        document.EnsureEditable(Actor.From(user));
        var check = new CreateOutgoingDocumentRequest(document.DocumentType, request.Subject ?? document.Subject, request.Urgency ?? document.Urgency,
            document.Secrecy, request.Recipients, request.CopyCount, false, false, null).Validate();
        if (check.Count > 0) return TypedResults.ValidationProblem(check, title: "Dữ liệu dự thảo không hợp lệ");
        if (request.Subject is not null) document.Subject = request.Subject.Nfc();
        if (request.Urgency is { } urgency) document.Urgency = urgency;
        if (request.Recipients is not null) document.Recipients = request.Recipients.Select(r => r.Nfc()).Distinct().ToList();
        if (request.CopyCount is { } copies) document.CopyCount = copies;
        document.SetFlags(request.IsPublic ?? document.IsPublic, request.IsLegalNormative ?? document.IsLegalNormative);
        audit.Record(document.Id, "Update", document.Status, document.Status);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ViewAsync(db, document, user, cancellationToken));
    }

    private static async Task<Ok<OutgoingDocumentView[]>> List(
        ClaimsPrincipal user, DocumentsDbContext db, int? year, OutgoingStatus? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var skip = (Math.Max(page ?? 1, 1) - 1) * size;
        var query = db.OutgoingDocuments.AsNoTracking().Where(DocumentAccess.For(user).OutgoingFilter());
        if (year is not null) query = query.Where(d => d.Year == year);
        if (status is not null) query = query.Where(d => d.Status == status);
        var documents = await query.OrderByDescending(d => d.CreatedAtUtc).Skip(skip).Take(size).ToArrayAsync(cancellationToken);
        var actor = Actor.From(user);
        return TypedResults.Ok(documents.Select(d => OutgoingDocumentView.From(d, [], null, actor)).ToArray());
    }

    private static async Task<Results<Ok<OutgoingDocumentView>, NotFound>> Get(
        Guid id, ClaimsPrincipal user, DocumentsDbContext db, CancellationToken cancellationToken)
    {
        var document = await FindAsync(db, user, id, cancellationToken);
        return document is null ? TypedResults.NotFound() : TypedResults.Ok(await ViewAsync(db, document, user, cancellationToken));
    }

    private static async Task<Results<Ok<AuditEntryView[]>, NotFound>> Audit(
        Guid id, ClaimsPrincipal user, DocumentsDbContext db, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, user, id, cancellationToken) is null) return TypedResults.NotFound();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.DocumentId == id)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToArrayAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(AuditEntryView.From).ToArray());
    }

    /// <summary>The document if the caller may read it; a document they may not read is not found, so its existence stays secret.</summary>
    internal static Task<OutgoingDocument?> FindAsync(DocumentsDbContext db, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        db.OutgoingDocuments.Where(DocumentAccess.For(user).OutgoingFilter()).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    internal static async Task<OutgoingDocumentView> ViewAsync(DocumentsDbContext db, OutgoingDocument document, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.DocumentId == document.Id)
            .OrderBy(a => a.UploadedAtUtc).ToArrayAsync(cancellationToken);
        var replacedBy = await db.OutgoingDocuments.AsNoTracking()
            .Where(d => d.ReplacesId == document.Id && (d.Status == OutgoingStatus.Issued || d.Status == OutgoingStatus.Filed))
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        return OutgoingDocumentView.From(document, attachments, replacedBy, Actor.From(user));
    }
}
