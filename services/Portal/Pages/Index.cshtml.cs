using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;

namespace Platform.Portal.Pages;

/// <summary>The portal's home page: latest news, public documents and gazette issues, from the portal's own read model.</summary>
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<PublicDocument> Documents { get; private set; } = [];
    public IReadOnlyList<PublishedGazetteIssue> GazetteIssues { get; private set; } = [];
    public IReadOnlyList<(NewsArticle Article, string CategorySlug)> News { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Documents = await db.PublicDocuments.AsNoTracking()
            .OrderByDescending(d => d.IssuedDate).Take(10).ToListAsync(cancellationToken);
        GazetteIssues = await db.GazetteIssues.AsNoTracking()
            .OrderByDescending(i => i.PublishedDate).Take(5).ToListAsync(cancellationToken);
        News = (await db.NewsArticles.AsNoTracking().Where(a => a.Status == NewsStatus.Published)
                .OrderByDescending(a => a.PublishedAt).Take(5)
                .Join(db.NewsCategories, a => a.CategoryId, c => c.CategoryId, (a, c) => new { Article = a, c.Slug })
                .ToListAsync(cancellationToken))
            .OrderByDescending(n => n.Article.PublishedAt).Select(n => (n.Article, n.Slug)).ToList();
    }
}
