using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.ServiceDefaults.Events;

namespace Platform.Portal.Consumers;

/// <summary>
/// An issued document marked public appears on the portal; a secret one never does. A
/// replacing document takes the one it replaces off the portal.
/// </summary>
/// <remarks>
/// Topics are delivered independently and concurrently (a pump per topic, or the Dapr sidecar
/// ten at a time), so the recall or the replacement of a document may be handled before its
/// issue. Both leave a row under the document's id (<see cref="PublicDocument.WithdrawnAt"/>),
/// and the issue adds nothing when a row is there. Two such events handled at the same moment
/// both insert that key: one commits, the other fails on the primary key and is retried, and
/// then sees the first. So the end state does not depend on the order.
/// </remarks>
public sealed class PublishPublicDocument(PortalDbContext db) : IEventHandler<DocumentIssued>
{
    public async Task HandleAsync(DocumentIssued @event, EventContext context, CancellationToken cancellationToken)
    {
        if (@event.ReplacesDocumentId is { } replaced)
        {
            await PublicDocumentWithdrawals.WithdrawAsync(db, replaced, "", PublicDocumentWithdrawal.Replaced, @event.IssuedAt, cancellationToken);
        }
        if (!@event.IsPublic || @event.Secrecy != Secrecy.None) return;
        // Published already (a redelivery), or withdrawn before this issue arrived: either stands.
        if (await db.PublicDocuments.IgnoreQueryFilters().AnyAsync(d => d.DocumentId == @event.DocumentId, cancellationToken)) return;
        db.PublicDocuments.Add(new PublicDocument
        {
            DocumentId = @event.DocumentId,
            NumberAndCode = @event.NumberAndCode,
            DocumentType = @event.DocumentType,
            Subject = @event.Subject,
            SignerName = @event.SignerName,
            SignerPosition = @event.SignerPosition,
            IssuedDate = @event.IssuedDate,
            IsLegalNormative = @event.IsLegalNormative,
            SearchText = PublicDocument.SearchTextOf(@event.NumberAndCode, @event.DocumentType, @event.Subject, @event.SignerName),
        });
    }
}

/// <summary>
/// A published gazette issue is listed on the portal. Issues are never changed once published,
/// and the page joins an issue's documents when it is read, so an issue handled before the
/// issues of its documents shows them as they arrive (and never a withdrawn one).
/// </summary>
public sealed class ShowGazetteIssue(PortalDbContext db) : IEventHandler<GazetteIssuePublished>
{
    public async Task HandleAsync(GazetteIssuePublished @event, EventContext context, CancellationToken cancellationToken)
    {
        if (await db.GazetteIssues.AnyAsync(i => i.IssueId == @event.IssueId, cancellationToken)) return;
        db.GazetteIssues.Add(new PublishedGazetteIssue
        {
            IssueId = @event.IssueId,
            Year = @event.Year,
            Numbers = string.Join(" + ", @event.Numbers),
            PublishedDate = @event.PublishedDate,
            PdfUrl = @event.PdfUrl,
            DocumentIds = string.Join(',', @event.DocumentIds),
        });
    }
}

/// <summary>
/// A recalled document (thu hồi) is no longer in force: it leaves the portal, its files with it.
/// A recall that arrives before the issue leaves a tombstone the issue will find.
/// </summary>
public sealed class WithdrawRecalledDocument(PortalDbContext db) : IEventHandler<DocumentRecalled>
{
    public Task HandleAsync(DocumentRecalled @event, EventContext context, CancellationToken cancellationToken) =>
        PublicDocumentWithdrawals.WithdrawAsync(db, @event.DocumentId, @event.NumberAndCode, PublicDocumentWithdrawal.Recalled, @event.RecalledAt, cancellationToken);
}

/// <summary>Takes a document off the portal whether or not its issue has been handled yet.</summary>
internal static class PublicDocumentWithdrawals
{
    public static async Task WithdrawAsync(
        PortalDbContext db, Guid documentId, string numberAndCode, PublicDocumentWithdrawal because, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var document = await db.PublicDocuments.IgnoreQueryFilters().Include(d => d.Files)
            .SingleOrDefaultAsync(d => d.DocumentId == documentId, cancellationToken);
        if (document is null) db.PublicDocuments.Add(PublicDocument.WithdrawnBeforeIssue(documentId, numberAndCode, because, at));
        else document.Withdraw(because, at);
    }
}
