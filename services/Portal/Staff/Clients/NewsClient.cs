using Platform.Portal.Apis;
using Platform.Portal.Domain;

namespace Platform.Portal.Staff.Clients;

/// <summary>
/// The portal's own News API (tin tức), called like any other service with the editor's token,
/// so the screens and API clients share one set of rules and one audit of who did what.
/// </summary>
public sealed class NewsClient(HttpClient http) : ServiceClient(http, "tin tức")
{
    public Task<ApiResult<NewsApi.CategoryView[]>> CategoriesAsync(CancellationToken cancellationToken) =>
        GetAsync<NewsApi.CategoryView[]>("/staff/api/news/categories", cancellationToken);

    public Task<ApiResult<NewsApi.CategoryView>> CreateCategoryAsync(string? name, CancellationToken cancellationToken) =>
        PostAsync<NewsApi.CategoryView>("/staff/api/news/categories", new { name }, cancellationToken);

    public Task<ApiResult<NewsApi.ArticleView[]>> ArticlesAsync(NewsStatus? status, CancellationToken cancellationToken) =>
        GetAsync<NewsApi.ArticleView[]>("/staff/api/news" + (status is null ? "" : $"?status={status}"), cancellationToken);

    public Task<ApiResult<NewsApi.ArticleView>> CreateAsync(NewsApi.ArticleRequest article, CancellationToken cancellationToken) =>
        PostAsync<NewsApi.ArticleView>("/staff/api/news", article, cancellationToken);

    /// <summary>submit, return, publish or unpublish.</summary>
    public Task<ApiResult<NewsApi.ArticleView>> MoveAsync(Guid id, string step, CancellationToken cancellationToken) =>
        PostAsync<NewsApi.ArticleView>($"/staff/api/news/{id}/{step}", new { }, cancellationToken);
}
