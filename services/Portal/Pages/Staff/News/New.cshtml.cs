using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Apis;
using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;
using Platform.ServiceDefaults.Auth;

namespace Platform.Portal.Pages.Staff.News;

/// <summary>A new article, saved as a draft through the News API (which checks it).</summary>
[Authorize(Roles = Roles.PortalEditor + "," + Roles.Administrator)]
public sealed class NewModel(NewsClient news) : StaffPageModel
{
    public IReadOnlyList<NewsApi.CategoryView> Categories { get; private set; } = [];
    [BindProperty] public Guid CategoryId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Body { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var categories = await news.CategoriesAsync(cancellationToken);
        if (!Failed(categories)) Categories = categories.Value ?? [];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await news.CreateAsync(new NewsApi.ArticleRequest(CategoryId, Title, Summary, Body, null, null), cancellationToken);
        if (Failed(result))
        {
            var error = Error;
            await OnGetAsync(cancellationToken);
            Error = error;
            return Page();
        }
        Notice = $"Đã lưu dự thảo “{result.Value!.Title}”.";
        return Redirect("/staff/tin-tuc");
    }
}
