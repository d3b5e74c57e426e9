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
        var document = new SearchDocument
        {
            Id = @event.DocumentId,
            Direction = "outgoing",
            NumberAndCode = @event.NumberAndCode,
            DocumentType = @event.DocumentType,
            Subject = @event.Subject,
            IssuingBody = options.Value.OwnIssuingBody,
            DocumentDate = @event.IssuedDate,
            Status = SearchStatuses.Issued,
            Secrecy = @event.Secrecy,
            IsPublic = @event.IsPublic,
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
        if (indexed is null) return;
        await search.IndexAsync([indexed with { Status = SearchStatuses.Recalled, IsPublic = false }], cancellationToken);
    }

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
