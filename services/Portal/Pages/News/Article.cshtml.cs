using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;

namespace Platform.Portal.Pages.News;

/// <summary>One published article. Drafts and unpublished articles are not found, whoever asks.</summary>
public sealed class ArticleModel(PortalDbContext db) : PageModel
{
    public NewsCategory Category { get; private set; } = null!;
    public NewsArticle Article { get; private set; } = null!;

    /// <summary>The body is plain text; a blank line or a line break starts a paragraph.</summary>
    public IEnumerable<string> Paragraphs => Article.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task<IActionResult> OnGetAsync(string category, string slug, CancellationToken cancellationToken)
    {
        var article = await db.NewsArticles.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Slug == slug && a.Status == NewsStatus.Published, cancellationToken);
        var owner = article is null ? null : await db.NewsCategories.AsNoTracking().SingleAsync(c => c.CategoryId == article.CategoryId, cancellationToken);
        if (article is null || owner is null) return NotFound();
        // An article moved to another category keeps working at its old address.
        if (owner.Slug != category) return RedirectPermanent($"/tin-tuc/{owner.Slug}/{article.Slug}");
        (Article, Category) = (article, owner);
        return Page();
    }
}
