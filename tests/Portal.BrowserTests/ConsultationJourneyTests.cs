using Microsoft.Playwright;

namespace Platform.Portal.BrowserTests;

/// <summary>A citizen finds a draft open for comment through the sections menu and comments on it.</summary>
[NonParallelizable]
public sealed class ConsultationJourneyTests : PortalJourney
{
    [Test]
    public async Task A_citizen_comments_on_the_seeded_draft_from_the_sections_menu()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Chính" }).GetByRole(AriaRole.Link, new() { Name = "Giới thiệu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Giới thiệu", Exact = true })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "section-introduction");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lấy ý kiến dự thảo" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Quy chế tổ chức và hoạt động của Cổng thông tin điện tử" }).ClickAsync();
        await page.GetByLabel("Họ và tên").FillAsync("Võ Thị Lan");
        await page.GetByLabel("Số điện thoại hoặc thư điện tử").FillAsync("lan.vo@example.vn");
        await page.GetByLabel("Nội dung góp ý").FillAsync("Đề nghị quy định rõ thời hạn trả lời phản ánh, kiến nghị trên Cổng.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cảm ơn bạn đã góp ý");
        await Chromium.ScreenshotAsync(page, "consultation-comment-sent");
    }
}
