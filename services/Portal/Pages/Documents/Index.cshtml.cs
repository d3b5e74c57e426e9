using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.Portal.PublicDocuments;

namespace Platform.Portal.Pages.Documents;

/// <summary>
/// Issued public documents (văn bản), newest first, from the portal's own read model; with a
/// query, the Documents public search (or the portal's copy when Documents is down).
/// </summary>
public sealed class IndexModel(PortalDbContext db, PublicDocumentSearch search) : PageModel
{
    public const int PageSize = PublicDocumentSearch.PageSize;
    public string? Query { get; private set; }
    public bool FromPortalCopy { get; private set; }
    public IReadOnlyList<PublicDocumentHit> Documents { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, PageSize, 0);
    public (Paging Paging, string Path) Pager => (Paging, Query is null ? "/van-ban" : $"/van-ban?q={Uri.EscapeDataString(Query)}");

    public async Task OnGetAsync(string? q, int? trang, CancellationToken cancellationToken)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 200)];
        if (Query is not null)
        {
            var result = await search.SearchAsync(Query, Math.Max(trang ?? 1, 1), cancellationToken);
            Paging = Paging.Of(trang, PageSize, result.Total);
            Documents = result.Hits;
            FromPortalCopy = result.FromPortalCopy;
            return;
        }
        Paging = Paging.Of(trang, PageSize, await db.PublicDocuments.CountAsync(cancellationToken));
        Documents = await db.PublicDocuments.AsNoTracking()
            .OrderByDescending(d => d.IssuedDate).ThenBy(d => d.NumberAndCode)
            .Skip(Paging.Skip).Take(PageSize)
            .Select(d => new PublicDocumentHit(d.DocumentId, d.NumberAndCode, d.DocumentType, d.Subject, d.IssuedDate))
            .ToListAsync(cancellationToken);
    }
}
