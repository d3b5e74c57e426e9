using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Apis;
using Platform.Portal.Domain;
using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;
using Platform.ServiceDefaults.Auth;

namespace Platform.Portal.Pages.Staff.News;

/// <summary>The portal editor's articles and their workflow: draft → review → published → unpublished.</summary>
[Authorize(Roles = Roles.PortalEditor + "," + Roles.Administrator)]
public sealed class IndexModel(NewsClient news) : StaffPageModel
{
    public IReadOnlyList<NewsApi.ArticleView> Articles { get; private set; } = [];
    private IReadOnlyList<NewsApi.CategoryView> _categories = [];

    public string CategoryName(Guid id) => _categories.FirstOrDefault(c => c.Id == id)?.Name ?? "—";

    public static string StatusName(NewsStatus status) => status switch
    {
        NewsStatus.Draft => "Dự thảo",
        NewsStatus.InReview => "Chờ duyệt",
        NewsStatus.Published => "Đã xuất bản",
        NewsStatus.Unpublished => "Đã gỡ",
        _ => status.ToString(),
    };

    /// <summary>The steps the article's rules allow from a status (NewsArticle), as buttons.</summary>
    public static IEnumerable<(string Step, string Label)> StepsFrom(NewsStatus status) => status switch
    {
        NewsStatus.Draft => [("submit", "Gửi duyệt")],
        NewsStatus.InReview => [("publish", "Xuất bản"), ("return", "Trả lại")],
        NewsStatus.Published => [("unpublish", "Gỡ bài")],
        NewsStatus.Unpublished => [("publish", "Xuất bản lại"), ("return", "Trả lại")],
        _ => [],
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var categories = await news.CategoriesAsync(cancellationToken);
        if (!Failed(categories)) _categories = categories.Value ?? [];
        var articles = await news.ArticlesAsync(null, cancellationToken);
        if (!Failed(articles)) Articles = articles.Value ?? [];
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string step, CancellationToken cancellationToken)
    {
        if (step is not ("submit" or "publish" or "return" or "unpublish")) return BadRequest();
        var result = await news.MoveAsync(id, step, cancellationToken);
        return await AfterAsync(result, result.Value is { } article ? $"“{article.Title}”: {StatusName(article.Status).ToLowerInvariant()}." : "", cancellationToken);
    }

    public async Task<IActionResult> OnPostCategoryAsync(string? name, CancellationToken cancellationToken)
    {
        var result = await news.CreateCategoryAsync(name, cancellationToken);
        return await AfterAsync(result, $"Đã thêm chuyên mục {result.Value?.Name}.", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync<T>(ApiResult<T> result, string done, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            await OnGetAsync(cancellationToken);
            Error = result.Error;
            return Page();
        }
        Notice = done;
        return Redirect("/staff/tin-tuc");
    }
}
