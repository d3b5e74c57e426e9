using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Documents.Audit;
using Platform.Documents.Domain;
using Platform.Documents.Exchange;
using Platform.Documents.Files;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Apis;

/// <summary>
/// Packages received from other agencies, for the clerk: register a new document (03) or refuse it (02);
/// accept (15) or refuse (16) a recall, update or replacement. Each answer goes back to the sender.
/// </summary>
public static class ReceivedPackagesApi
{
    public static RouteGroupBuilder MapReceivedPackagesApi(this RouteGroupBuilder group)
    {
        var clerks = new[] { Roles.Clerk, Roles.Administrator };
        group.MapGet("/received", List).RequireAuthorization(p => p.RequireRole(clerks));
        group.MapGet("/received/{id:guid}", Get).RequireAuthorization(p => p.RequireRole(clerks));
        group.MapPost("/received/{id:guid}/accept", Accept).RequireAuthorization(p => p.RequireRole(clerks));
        group.MapPost("/received/{id:guid}/refuse", Refuse).RequireAuthorization(p => p.RequireRole(clerks));
        return group;
    }

    /// <summary>Newest first; <c>pending=true</c> keeps those waiting for the clerk.</summary>
    private static async Task<Ok<ReceivedPackageView[]>> List(DocumentsDbContext db, bool? pending, CancellationToken cancellationToken)
    {
        var query = db.ReceivedPackages.AsNoTracking();
        if (pending == true)
        {
            query = query.Where(p => (p.State == FeedbackStatus.Arrived && p.IncomingDocumentId == null)
                || (p.State == FeedbackStatus.RecallRequested && p.Kind != BusinessKind.New));
        }
        var packages = await query.OrderByDescending(p => p.ReceivedAtUtc).Take(200).ToArrayAsync(cancellationToken);
        return TypedResults.Ok(packages.Select(ReceivedPackageView.From).ToArray());
    }

    private static async Task<Results<Ok<ReceivedPackageView>, NotFound>> Get(Guid id, DocumentsDbContext db, CancellationToken cancellationToken) =>
        await db.ReceivedPackages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } package
            ? TypedResults.Ok(ReceivedPackageView.From(package))
            : TypedResults.NotFound();

    /// <summary>A new document (or an accepted update) is registered with the next arrival number; a request is granted.</summary>
    private static async Task<Results<Ok<ReceivedPackageView>, NotFound, ProblemHttpResult>> Accept(
        Guid id, AcceptPackageRequest? request, ClaimsPrincipal user, DocumentsDbContext db, Outbox outbox, ExchangeOutbox exchange,
        ExchangeInbox inbox, AuditTrail audit, ReceivedAttachments copies, TimeProvider clock, CancellationToken cancellationToken)
    {
        var package = await db.ReceivedPackages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (package is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        if (package.AwaitsRegistration)
        {
            var received = await inbox.ReadStoredAsync(package, cancellationToken);
            var (document, existing) = await IncomingDocumentsApi.RegisterAsync(RegistrationOf(package, request), user, db, outbox, audit, now, cancellationToken);
            if (document is null) return IncomingDocumentsApi.DuplicateProblem(existing!, DocumentAccess.For(user));
            await copies.AddAsync(document.Id, received, user.Username(), cancellationToken);
            package.Registered(document.Id, now.UtcDateTime);
            exchange.ReportStatus(package, FeedbackStatus.Accepted, $"Số đến {document.ArrivalNumber}/{document.Year}", user.Username());
        }
        else
        {
            var original = await OriginalAsync(db, package, cancellationToken);
            // The answer is about the document asked for: the original's DocumentId, which a replacement does not share.
            exchange.ReportStatus(original, package.Decide(true, null, now.UtcDateTime), null, user.Username());
            original.Apply(FeedbackStatus.RecallAccepted, null, now.UtcDateTime);
            if (original.IncomingDocumentId is { } incomingId
                && await db.IncomingDocuments.FirstOrDefaultAsync(d => d.Id == incomingId, cancellationToken) is { } incoming)
            {
                var reason = $"Bên gửi {Verb(package.Kind)}: {package.SenderReason}";
                var from = incoming.Cancel(reason.Length > 2000 ? reason[..2000] : reason, now.UtcDateTime);
                audit.Record(incoming.Id, "CancelledBySender", from, incoming.Status, reason);
                // Recalled by its sender, as far as the rest of the platform is concerned: search marks it cancelled.
                outbox.Add(new Platform.Contracts.Events.DocumentRecalled(incoming.Id, incoming.NumberAndCode, incoming.ReturnReason!, package.SenderName, now));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ReceivedPackageView.From(package));
    }

    /// <summary>A new document goes back to its sender (02); a request is refused (16). Both need a reason.</summary>
    private static async Task<Results<Ok<ReceivedPackageView>, NotFound>> Refuse(
        Guid id, ReasonRequest request, ClaimsPrincipal user, DocumentsDbContext db, ExchangeOutbox exchange, TimeProvider clock, CancellationToken cancellationToken)
    {
        var package = await db.ReceivedPackages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (package is null) return TypedResults.NotFound();
        var reason = request.Reason.NfcOrNull();
        if (reason is { Length: > 2000 }) reason = reason[..2000];
        var now = clock.GetUtcNow().UtcDateTime;
        if (package.Kind == BusinessKind.New || package.State != FeedbackStatus.RecallRequested)
        {
            exchange.ReportStatus(package, package.Apply(FeedbackStatus.Refused, reason, now), reason, user.Username());
        }
        else
        {
            var original = await OriginalAsync(db, package, cancellationToken);
            exchange.ReportStatus(original, package.Decide(false, reason, now), reason, user.Username());
            original.Apply(FeedbackStatus.RecallRefused, reason, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ReceivedPackageView.From(package));
    }

    private static async Task<ReceivedPackage> OriginalAsync(DocumentsDbContext db, ReceivedPackage request, CancellationToken cancellationToken) =>
        await db.ReceivedPackages.FirstOrDefaultAsync(p => p.DocumentId == request.TargetDocumentId && p.Kind == BusinessKind.New, cancellationToken)
            ?? throw new DomainRuleException("Không còn văn bản gốc của yêu cầu này.", 409, "original-missing");

    private static RegisterIncomingDocumentRequest RegistrationOf(ReceivedPackage p, AcceptPackageRequest? request) => new(
        p.SenderName, p.NumberAndCode, p.DocumentDate, p.DocumentType, p.Subject,
        EdXmlPackageBuilder.UrgencyOf(p.Priority), Platform.Contracts.Secrecy.None, p.PageAmount, p.SignerName,
        request?.ConfirmDuplicate ?? false);

    private static string Verb(BusinessKind kind) => kind switch
    {
        BusinessKind.Recall => "thu hồi văn bản",
        BusinessKind.Update => "cập nhật văn bản",
        _ => "thay thế văn bản",
    };
}

/// <summary>The clerk confirms registering a package that looks like a document already registered (on paper, say).</summary>
public sealed record AcceptPackageRequest(bool ConfirmDuplicate = false);

/// <summary>A received package as the clerk sees it; <c>State</c> is the feedback code name (Arrived, Accepted, Refused...).</summary>
public sealed record ReceivedPackageView(
    Guid Id, string DocumentId, string Kind, string SenderCode, string SenderName, string NumberAndCode, DateOnly DocumentDate,
    string DocumentType, string Subject, string? SenderReason, DateTime ReceivedAtUtc, string State, string StateCode, string StateLabel,
    string? Reason, Guid? IncomingDocumentId, bool AwaitsRegistration)
{
    public static ReceivedPackageView From(ReceivedPackage p) => new(
        p.Id, p.DocumentId, p.Kind.ToString(), p.SenderCode, p.SenderName, p.NumberAndCode, p.DocumentDate, p.DocumentType, p.Subject,
        p.SenderReason, p.ReceivedAtUtc, p.State.ToString(), p.State.Code(), p.State.Label(), p.Reason, p.IncomingDocumentId, p.AwaitsRegistration);
}
