using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;

namespace Platform.Portal.Pages.News;

/// <summary>Published news (tin tức), all or one category, newest first.</summary>
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public const int PageSize = 10;
    public IReadOnlyList<NewsCategory> Categories { get; private set; } = [];
    public NewsCategory? Category { get; private set; }
    public IReadOnlyList<NewsArticle> Articles { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, PageSize, 0);
    public (Paging Paging, string Path) Pager => (Paging, Category is null ? "/tin-tuc" : $"/tin-tuc/{Category.Slug}");

    public async Task<IActionResult> OnGetAsync(string? category, int? trang, CancellationToken cancellationToken)
    {
        Categories = await db.NewsCategories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        if (category is not null)
        {
            Category = Categories.FirstOrDefault(c => c.Slug == category);
            if (Category is null) return NotFound();
        }
        var query = db.NewsArticles.AsNoTracking().Where(a => a.Status == NewsStatus.Published);
        if (Category is not null) query = query.Where(a => a.CategoryId == Category.CategoryId);
        Paging = Paging.Of(trang, PageSize, await query.CountAsync(cancellationToken));
        Articles = await query.OrderByDescending(a => a.PublishedAt).Skip(Paging.Skip).Take(PageSize).ToListAsync(cancellationToken);
        return Page();
    }

    public string CategorySlugOf(NewsArticle article) => Categories.First(c => c.CategoryId == article.CategoryId).Slug;
}
