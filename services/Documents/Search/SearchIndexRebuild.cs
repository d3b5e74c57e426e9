using Microsoft.EntityFrameworkCore;
using Platform.Documents.Persistence;

namespace Platform.Documents.Search;

/// <summary>
/// Re-indexes every document in the database, in batches, reporting progress. Upserts only:
/// the index stays searchable during the rebuild, and documents known only from events
/// (outgoing ones issued by the other branch of the service) are kept.
/// </summary>
public sealed class SearchIndexRebuild(DocumentsDbContext db, IDocumentSearch search)
{
    public const int BatchSize = 5000;

    public async Task<int> RunAsync(Func<string, Task> progress, CancellationToken cancellationToken)
    {
        var total = await db.IncomingDocuments.CountAsync(cancellationToken);
        await progress($"Rebuilding the search index from {total} incoming documents");
        var done = 0;
        (int Year, int Number) after = (int.MinValue, 0);
        while (true)
        {
            // Keyset paging on the unique (year, arrival number): no OFFSET that slows down as it goes.
            var batch = await db.IncomingDocuments.AsNoTracking()
                .Where(d => d.Year > after.Year || (d.Year == after.Year && d.ArrivalNumber > after.Number))
                .OrderBy(d => d.Year).ThenBy(d => d.ArrivalNumber)
                .Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            await search.IndexAsync(batch.Select(SearchDocuments.From).ToArray(), cancellationToken);
            done += batch.Count;
            after = (batch[^1].Year, batch[^1].ArrivalNumber);
            await progress($"{done}/{total} indexed");
        }
        await progress($"Done: {done} documents indexed");
        return done;
    }
}
