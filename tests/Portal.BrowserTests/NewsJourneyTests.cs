using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.TestSupport;

namespace Platform.Portal.BrowserTests;

[NonParallelizable]
public sealed class NewsJourneyTests : PortalJourney
{
    /// <summary>
    /// The editor works through the news API (the staff console's screens are not built yet);
    /// the reader sees the result in the browser.
    /// </summary>
    [Test]
    public async Task An_article_an_editor_publishes_shows_on_the_home_page_and_opens_at_its_readable_address()
    {
        using var editor = new HttpClient { BaseAddress = Portal.BaseAddress };
        TestUser.PortalEditor.SignIn(editor);
        var category = await (await editor.PostAsJsonAsync("/staff/api/news/categories", new { name = "Tin tức thời sự" })).Content.ReadFromJsonAsync<JsonElement>();
        var created = await editor.PostAsJsonAsync("/staff/api/news", new
        {
            categoryId = category.GetProperty("id").GetGuid(),
            title = "Tỉnh đưa vào vận hành Trung tâm Phục vụ hành chính công",
            summary = "Người dân nộp hồ sơ tại một đầu mối, theo dõi kết quả trực tuyến.",
            body = "Sáng nay, Trung tâm Phục vụ hành chính công tỉnh chính thức đi vào hoạt động.\n\nTrung tâm tiếp nhận hồ sơ của 19 sở, ngành.",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await editor.PostAsync($"/staff/api/news/{id}/submit", null)).EnsureSuccessStatusCode();
        (await editor.PostAsync($"/staff/api/news/{id}/publish", null)).EnsureSuccessStatusCode();

        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Chromium.ScreenshotAsync(page, "home-with-news");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tỉnh đưa vào vận hành Trung tâm Phục vụ hành chính công" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(Portal.BaseAddress, "/tin-tuc/tin-tuc-thoi-su/tinh-dua-vao-van-hanh-trung-tam-phuc-vu-hanh-chinh-cong").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tỉnh đưa vào vận hành Trung tâm Phục vụ hành chính công" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Trung tâm tiếp nhận hồ sơ của 19 sở, ngành.")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "news-article");
    }
}
