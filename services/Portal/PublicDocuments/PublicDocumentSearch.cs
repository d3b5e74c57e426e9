using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Grpc.Documents;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;

namespace Platform.Portal.PublicDocuments;

/// <summary>One found document, whichever search found it.</summary>
public sealed record PublicDocumentHit(Guid DocumentId, string NumberAndCode, string DocumentType, string Subject, DateOnly Date);

/// <summary>A page of results; <see cref="FromPortalCopy"/> says the Documents search could not be reached.</summary>
public sealed record PublicSearchResult(IReadOnlyList<PublicDocumentHit> Hits, int Total, bool FromPortalCopy);

/// <summary>
/// Public document search (tra cứu văn bản): the Documents service's full-text search over
/// gRPC, which ranks and reads file text; when it cannot answer, the portal's own copy,
/// matched word by word without diacritics, so a citizen still finds the document.
/// </summary>
public sealed class PublicDocumentSearch(DocumentsQuery.DocumentsQueryClient documents, PortalDbContext db, ILogger<PublicDocumentSearch> logger)
{
    public const int PageSize = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public async Task<PublicSearchResult> SearchAsync(string query, int page, CancellationToken cancellationToken)
    {
        try
        {
            var response = await documents.SearchPublicDocumentsAsync(
                new SearchPublicDocumentsRequest { Query = query, Page = page, PageSize = PageSize },
                deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken);
            return new PublicSearchResult(response.Documents.Select(Hit).ToArray(), response.Total, false);
        }
        catch (RpcException exception) when (exception.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Documents search unavailable ({Status}); answering from the portal's copy.", exception.StatusCode);
            return await SearchPortalCopyAsync(query, page, cancellationToken);
        }
    }

    private async Task<PublicSearchResult> SearchPortalCopyAsync(string query, int page, CancellationToken cancellationToken)
    {
        var documentsQuery = db.PublicDocuments.AsNoTracking();
        foreach (var word in SearchText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct())
        {
            documentsQuery = documentsQuery.Where(d => d.SearchText.Contains(word));
        }
        var total = await documentsQuery.CountAsync(cancellationToken);
        var hits = await documentsQuery.OrderByDescending(d => d.IssuedDate).ThenBy(d => d.NumberAndCode)
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize)
            .Select(d => new PublicDocumentHit(d.DocumentId, d.NumberAndCode, d.DocumentType, d.Subject, d.IssuedDate))
            .ToListAsync(cancellationToken);
        return new PublicSearchResult(hits, total, true);
    }

    private static PublicDocumentHit Hit(DocumentSummary d) => new(
        Guid.Parse(d.DocumentId), d.NumberAndCode, d.DocumentType, d.Subject,
        DateOnly.TryParseExact(d.DocumentDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : default);
}
