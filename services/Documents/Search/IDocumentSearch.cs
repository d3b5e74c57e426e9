namespace Platform.Documents.Search;

/// <summary>
/// Full-text search over documents (tìm kiếm toàn văn). Indexing is an upsert by document id,
/// so replaying events or a rebuild never duplicates; when IndexAsync returns, the documents
/// are durable in the index and searchable.
/// </summary>
public interface IDocumentSearch
{
    Task IndexAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken);
    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
    Task<SearchDocument?> GetAsync(Guid id, CancellationToken cancellationToken);
    Task<SearchResults> SearchAsync(SearchQuery query, SearchScope scope, CancellationToken cancellationToken);
    /// <summary>Empties the index (before a rebuild).</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}
