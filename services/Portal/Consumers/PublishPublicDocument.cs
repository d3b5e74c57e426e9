using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.ServiceDefaults.Events;

namespace Platform.Portal.Consumers;

/// <summary>An issued document marked public appears on the portal; a secret one never does.</summary>
public sealed class PublishPublicDocument(PortalDbContext db) : IEventHandler<DocumentIssued>
{
    public async Task HandleAsync(DocumentIssued @event, EventContext context, CancellationToken cancellationToken)
    {
        if (!@event.IsPublic || @event.Secrecy != Secrecy.None) return;
        if (await db.PublicDocuments.AnyAsync(d => d.DocumentId == @event.DocumentId, cancellationToken)) return;
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

/// <summary>A published gazette issue is listed on the portal.</summary>
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
/// A recall arriving before the issue is remembered by nothing; Documents publishes them in order.
/// </summary>
public sealed class WithdrawRecalledDocument(PortalDbContext db) : IEventHandler<DocumentRecalled>
{
    public async Task HandleAsync(DocumentRecalled @event, EventContext context, CancellationToken cancellationToken)
    {
        var document = await db.PublicDocuments.Include(d => d.Files).SingleOrDefaultAsync(d => d.DocumentId == @event.DocumentId, cancellationToken);
        if (document is not null) db.PublicDocuments.Remove(document);
    }
}
