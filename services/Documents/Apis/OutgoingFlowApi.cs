using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Documents.Audit;
using Platform.Documents.Domain;
using Platform.Documents.Persistence;
using Platform.Documents.Signing;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Apis;

/// <summary>The steps of the outgoing flow; the domain decides who may take which step from where.</summary>
public static class OutgoingFlowApi
{
    public static RouteGroupBuilder MapOutgoingFlowApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/submit", (Guid id, ClaimsPrincipal user, DocumentsDbContext db, AuditTrail audit, CancellationToken ct) =>
            Step(id, user, db, audit, OutgoingAction.Submit, null, (d, a) => d.Submit(a), ct));
        group.MapPost("/{id:guid}/review", (Guid id, ClaimsPrincipal user, DocumentsDbContext db, AuditTrail audit, CancellationToken ct) =>
            Step(id, user, db, audit, OutgoingAction.Review, null, (d, a) => d.Review(a), ct));
        group.MapPost("/{id:guid}/return", (Guid id, ReasonRequest request, ClaimsPrincipal user, DocumentsDbContext db, AuditTrail audit, CancellationToken ct) =>
            Step(id, user, db, audit, OutgoingAction.Return, request.Reason.NfcOrNull(), (d, a) => d.Return(a, request.Reason.NfcOrNull() ?? ""), ct));
        group.MapPost("/{id:guid}/approve", (Guid id, ClaimsPrincipal user, DocumentsDbContext db, AuditTrail audit, CancellationToken ct) =>
            Step(id, user, db, audit, OutgoingAction.Approve, null, (d, a) => d.Approve(a), ct));
        group.MapPost("/{id:guid}/file", (Guid id, ClaimsPrincipal user, DocumentsDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
            Step(id, user, db, audit, OutgoingAction.File, null, (d, a) => d.File(a, clock.GetUtcNow().UtcDateTime), ct));
        group.MapPost("/{id:guid}/sign", Sign);
        group.MapPost("/{id:guid}/issue", Issue);
        group.MapPost("/{id:guid}/recall", Recall);
        return group;
    }

    private static async Task<Results<Ok<OutgoingDocumentView>, NotFound>> Step(
        Guid id, ClaimsPrincipal user, DocumentsDbContext db, AuditTrail audit, OutgoingAction action, string? detail,
        Func<OutgoingDocument, Actor, OutgoingStatus> move, CancellationToken cancellationToken)
    {
        var document = await OutgoingDocumentsApi.FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        var from = move(document, Actor.From(user));
        audit.Record(document.Id, action.ToString(), from, document.Status, detail);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await OutgoingDocumentsApi.ViewAsync(db, document, user, cancellationToken));
    }

    private static async Task<Results<Ok<OutgoingDocumentView>, NotFound>> Sign(
        Guid id, SignRequest? request, ClaimsPrincipal user, DocumentsDbContext db, AuditTrail audit, DocumentSigning signing,
        ICertificateProvider certificates, TimeProvider clock, CancellationToken cancellationToken)
    {
        var document = await OutgoingDocumentsApi.FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        var actor = Actor.From(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var hasMainFile = await db.Attachments.AnyAsync(a => a.DocumentId == id && a.IsMain, cancellationToken);
        var signerName = request?.SignerName.NfcOrNull() ?? user.FindFirst("name")?.Value ?? actor.Username;
        var position = request?.SignerPosition.NfcOrNull() ?? "";
        var from = document.Sign(actor, Cut(signerName, 200), Cut(position, 200), hasMainFile, now);
        var signature = await signing.SignAsync(id, SignatureKind.Signer, certificates.SignerCertificate(actor.Username, signerName), now, cancellationToken);
        db.Signatures.Add(signature);
        audit.Record(id, nameof(OutgoingAction.Sign), from, document.Status, $"Chứng thư {signature.CertificateThumbprint}, tệp {signature.FileSha256}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await OutgoingDocumentsApi.ViewAsync(db, document, user, cancellationToken));
    }

    /// <summary>
    /// Number, seal and event in one transaction: a failure gives the number back, so the series
    /// stays gap-free, and the event leaves only if the issue committed. The seal covers the file,
    /// not the number, so it is computed before the series is locked: the lock is held for
    /// milliseconds, and clerks issuing at once do not queue behind each other's cryptography.
    /// </summary>
    private static async Task<Results<Ok<OutgoingDocumentView>, NotFound>> Issue(
        Guid id, IssueRequest? request, ClaimsPrincipal user, DocumentsDbContext db, Outbox outbox, AuditTrail audit,
        Exchange.ExchangeOutbox exchange, NumberingPolicy numbering, DocumentSigning signing, ICertificateProvider certificates, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var document = await OutgoingDocumentsApi.FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        var actor = Actor.From(user);
        document.EnsureCanIssue(actor);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now).DateTime);
        var seal = await signing.SignAsync(id, SignatureKind.Seal, certificates.SealCertificate(), now.UtcDateTime, cancellationToken);

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        var series = numbering.SeriesFor(document.Type, document.Secrecy, document.IsLegalNormative);
        var number = await NumberSeries.NextAsync(db, series, today.Year, cancellationToken);
        // Holding the series lock now; another clerk may have issued this document meanwhile.
        await db.Entry(document).ReloadAsync(cancellationToken);
        if (request?.IsPublic is { } isPublic) document.SetFlags(isPublic, document.IsLegalNormative);
        var from = document.Issue(actor, series, today.Year, number,
            numbering.NumberAndCode(number, document.Type, document.DraftingUnit, document.IsLegalNormative, today.Year), today, now.UtcDateTime);
        db.Signatures.Add(seal);
        audit.Record(id, nameof(OutgoingAction.Issue), from, document.Status, document.NumberAndCode);
        outbox.Add(new DocumentIssued(
            document.Id, document.NumberAndCode!, document.DocumentType, document.Subject, document.SignerName ?? "",
            document.SignerPosition ?? "", today, document.Secrecy, document.IsPublic, document.IsLegalNormative,
            document.Recipients.ToArray(), now, document.ReplacesId));
        // Agencies among the recipients get the package over the exchange; a secret one goes on paper only.
        if (document.Secrecy == Platform.Contracts.Secrecy.None)
        {
            await exchange.SendAsync(document, exchange.ExternalRecipients(document), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await OutgoingDocumentsApi.ViewAsync(db, document, user, cancellationToken));
    }

    private static async Task<Results<Ok<OutgoingDocumentView>, NotFound>> Recall(
        Guid id, ReasonRequest request, ClaimsPrincipal user, DocumentsDbContext db, Outbox outbox, AuditTrail audit,
        Exchange.ExchangeOutbox exchange, TimeProvider clock, CancellationToken cancellationToken)
    {
        var document = await OutgoingDocumentsApi.FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        var reason = request.Reason.NfcOrNull() ?? "";
        var from = document.Recall(Actor.From(user), Cut(reason, 2000), now.UtcDateTime);
        audit.Record(id, nameof(OutgoingAction.Recall), from, document.Status, document.RecallReason);
        outbox.Add(new DocumentRecalled(document.Id, document.NumberAndCode!, document.RecallReason!, document.RecalledBy!, now));
        await exchange.RequestAsync(document, Exchange.BusinessKind.Recall, document.RecallReason!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await OutgoingDocumentsApi.ViewAsync(db, document, user, cancellationToken));
    }

    private static string Cut(string value, int max) => value.Length > max ? value[..max] : value;
}
