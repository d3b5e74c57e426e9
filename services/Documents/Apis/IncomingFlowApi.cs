using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Documents.Audit;
using Platform.Documents.Domain;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Apis;

/// <summary>After registration: return to sender, hand-on, progress of handling, files and the audit trail.</summary>
public static class IncomingFlowApi
{
    public static RouteGroupBuilder MapIncomingFlowApi(this RouteGroupBuilder group)
    {
        var clerks = new[] { Roles.Clerk, Roles.Administrator };
        group.MapPost("/{id:guid}/return", Return).RequireAuthorization(p => p.RequireRole(clerks));
        group.MapPost("/{id:guid}/hand-on", HandOn).RequireAuthorization(p => p.RequireRole(clerks));
        group.MapPost("/{id:guid}/progress", Progress);
        group.MapPost("/{id:guid}/attachments", Attach).RequireAuthorization(p => p.RequireRole(clerks)).DisableAntiforgery();
        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download);
        group.MapGet("/{id:guid}/audit", Audit);
        return group;
    }

    private static async Task<Results<Ok<IncomingDocumentView>, NotFound>> Return(
        Guid id, ReasonRequest request, ClaimsPrincipal user, DocumentsDbContext db, AuditTrail audit, Exchange.ExchangeOutbox exchange,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var document = await FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        var reason = request.Reason.NfcOrNull() ?? "";
        var from = document.ReturnToSender(reason.Length > 2000 ? reason[..2000] : reason, clock.GetUtcNow().UtcDateTime);
        audit.Record(id, "ReturnToSender", from, document.Status, document.ReturnReason);
        // Received over the exchange: the sender learns it was returned (02) and why.
        await exchange.ReportReturnedAsync(id, document.ReturnReason!, user.Username(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(IncomingDocumentView.From(document));
    }

    private static async Task<Results<Ok<IncomingDocumentView>, NotFound>> HandOn(
        Guid id, HandOnRequest? request, ClaimsPrincipal user, DocumentsDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var document = await FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        var to = request?.To.NfcOrNull() ?? document.LeadUnit
            ?? throw new DomainRuleException("Chưa có đơn vị chủ trì; cần nêu đơn vị hoặc người nhận.", 422, "recipient-required");
        if (to.Length > 200) throw new DomainRuleException("Đơn vị hoặc người nhận tối đa 200 ký tự.", 422, "recipient-too-long");
        var from = document.HandOn(to, user.Username(), clock.GetUtcNow().UtcDateTime);
        audit.Record(id, "HandOn", from, document.Status, to);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(IncomingDocumentView.From(document));
    }

    /// <summary>The lead unit's people report; so may the office's clerks and leaders, who chase the follow-up register.</summary>
    private static async Task<Results<Ok<IncomingDocumentView>, NotFound, ValidationProblem>> Progress(
        Guid id, ProgressRequest request, ClaimsPrincipal user, DocumentsDbContext db, AuditTrail audit, Exchange.ExchangeOutbox exchange,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        RegisterIncomingDocumentRequest.Require(errors, nameof(request.Progress), request.Progress, 2000, "Tiến độ");
        if (request.ReplyNumberAndCode is { Length: > 42 }) errors[nameof(request.ReplyNumberAndCode)] = ["Số, ký hiệu văn bản trả lời tối đa 42 ký tự."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Tiến độ không hợp lệ");
        var document = await FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        var office = user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Administrator);
        if (!office && document.LeadUnit != user.Unit())
        {
            throw new DomainRuleException("Chỉ đơn vị chủ trì mới cập nhật tiến độ giải quyết.", 403, "not-lead-unit");
        }
        var from = document.ReportProgress(request.Progress!.Nfc(), request.ReplyNumberAndCode.NfcOrNull(), request.Done, clock.GetUtcNow().UtcDateTime);
        audit.Record(id, "Progress", from, document.Status, request.ReplyNumberAndCode is null ? document.Progress : $"{document.Progress} (trả lời: {document.ReplyNumberAndCode})");
        await exchange.ReportHandlingAsync(id, document.Status == IncomingStatus.Done ? Exchange.FeedbackStatus.Done : Exchange.FeedbackStatus.InProgress,
            document.Progress, user.Username(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(IncomingDocumentView.From(document));
    }

    private static async Task<Results<Created<AttachmentView>, NotFound>> Attach(
        Guid id, IFormFile file, ClaimsPrincipal user, DocumentsDbContext db, AttachmentStorage storage, AuditTrail audit, CancellationToken cancellationToken)
    {
        var document = await FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        var attachment = await storage.StoreAsync(id, file, isMain: false, user, cancellationToken);
        db.Attachments.Add(attachment);
        audit.Record(id, "Attach", document.Status, document.Status, $"{attachment.FileName} ({attachment.Sha256})");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/documents/incoming/{id}/attachments/{attachment.Id}", AttachmentView.From(attachment));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(
        Guid id, Guid attachmentId, ClaimsPrincipal user, DocumentsDbContext db, Files.IFileStore files, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, user, id, cancellationToken) is null) return TypedResults.NotFound();
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.DocumentId == id, cancellationToken);
        var stream = attachment is null ? null : await files.OpenReadAsync(attachment.Sha256, cancellationToken);
        return stream is null ? TypedResults.NotFound() : TypedResults.File(stream, attachment!.ContentType, attachment.FileName);
    }

    private static async Task<Results<Ok<AuditEntryView[]>, NotFound>> Audit(
        Guid id, ClaimsPrincipal user, DocumentsDbContext db, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, user, id, cancellationToken) is null) return TypedResults.NotFound();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.DocumentId == id)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToArrayAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(AuditEntryView.From).ToArray());
    }

    private static Task<IncomingDocument?> FindAsync(DocumentsDbContext db, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        db.IncomingDocuments.Where(DocumentAccess.For(user).Filter()).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
}
