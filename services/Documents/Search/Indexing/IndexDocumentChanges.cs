using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults.Events;

namespace Platform.Documents.Search.Indexing;

/// <summary>
/// Keeps the search index in step with the service's own events (the Documents service
/// subscribes to its own topics). Events arrive at least once and after a crash the broker
/// redelivers what was not acknowledged; every change is an upsert by document id from the
/// current database row, so repeats and reordering leave the same index.
/// </summary>
public sealed class IndexDocumentChanges(DocumentsDbContext db, IDocumentSearch search, IOptions<SearchOptions> options)
    : IEventHandler<DocumentRegistered>, IEventHandler<DocumentAssigned>, IEventHandler<DocumentIssued>, IEventHandler<DocumentRecalled>
{
    public Task HandleAsync(DocumentRegistered @event, EventContext context, CancellationToken cancellationToken) =>
        IndexFromDatabaseAsync(@event.DocumentId, cancellationToken);

    public Task HandleAsync(DocumentAssigned @event, EventContext context, CancellationToken cancellationToken) =>
        IndexFromDatabaseAsync(@event.DocumentId, cancellationToken);

    public async Task HandleAsync(DocumentIssued @event, EventContext context, CancellationToken cancellationToken)
    {
        // Outgoing documents: indexed from the event, which is all this consumer knows of them.
        // Topics are delivered independently (one pump per topic, or the sidecar in parallel), so
        // the recall may have come first: it left the document marked recalled, and that stands.
        var recalled = (await search.GetAsync(@event.DocumentId, cancellationToken))?.Status == SearchStatuses.Recalled;
        var document = new SearchDocument
        {
            Id = @event.DocumentId,
            Direction = "outgoing",
            NumberAndCode = @event.NumberAndCode,
            DocumentType = @event.DocumentType,
            Subject = @event.Subject,
            IssuingBody = options.Value.OwnIssuingBody,
            DocumentDate = @event.IssuedDate,
            Status = recalled ? SearchStatuses.Recalled : SearchStatuses.Issued,
            Secrecy = @event.Secrecy,
            IsPublic = @event.IsPublic && !recalled,
            Units = [],
            Body = $"{@event.SignerPosition} {@event.SignerName}",
            RegisteredAt = @event.IssuedAt,
        };
        await search.IndexAsync([document], cancellationToken);
    }

    public async Task HandleAsync(DocumentRecalled @event, EventContext context, CancellationToken cancellationToken)
    {
        // An incoming document recalled by the agency that sent it is cancelled here: its row says so.
        if (await db.IncomingDocuments.AnyAsync(d => d.Id == @event.DocumentId, cancellationToken))
        {
            await IndexFromDatabaseAsync(@event.DocumentId, cancellationToken);
            return;
        }
        // A recalled document stays findable by staff, marked, and leaves public search.
        var indexed = await search.GetAsync(@event.DocumentId, cancellationToken);
        await search.IndexAsync([indexed is null ? RecalledBeforeIssued(@event) : indexed with { Status = SearchStatuses.Recalled, IsPublic = false }], cancellationToken);
    }

    /// <summary>
    /// The recall of a document whose issue has not reached the index yet: a placeholder that
    /// keeps the recall until the issue arrives and fills it in (see the DocumentIssued handler).
    /// Dropping the recall instead would let the late issue put a recalled document on public
    /// search. Nothing about it is known yet, so only the highest clearance sees it.
    /// </summary>
    private SearchDocument RecalledBeforeIssued(DocumentRecalled @event) => new()
    {
        Id = @event.DocumentId,
        Direction = "outgoing",
        NumberAndCode = @event.NumberAndCode,
        DocumentType = "",
        Subject = "",
        IssuingBody = options.Value.OwnIssuingBody,
        Status = SearchStatuses.Recalled,
        Secrecy = Platform.Contracts.Secrecy.TopSecret,
        IsPublic = false,
        Units = [],
        RegisteredAt = @event.RecalledAt,
    };

    private async Task IndexFromDatabaseAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await db.IncomingDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            await search.DeleteAsync(id, cancellationToken);
            return;
        }
        await search.IndexAsync([SearchDocuments.From(document)], cancellationToken);
    }
}
