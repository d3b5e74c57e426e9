using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Platform.Portal.BrowserTests;

[NonParallelizable]
public sealed partial class FeedbackJourneyTests : PortalJourney
{
    [GeneratedRegex("^PAKN-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")]
    private static partial Regex TrackingCodeFormat();

    [Test]
    public async Task A_citizen_sends_feedback_on_a_phone_and_follows_it_by_its_code()
    {
        await using var context = await NewContextAsync(new ViewportSize { Width = 390, Height = 844 });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gửi phản ánh, kiến nghị" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gửi phản ánh, kiến nghị" })).ToBeVisibleAsync();

        // Sending an empty form first: the answers come back in Vietnamese, next to their fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Vui lòng nhập họ và tên.")).ToBeVisibleAsync();

        // By label, as a screen reader user would find the fields.
        await page.GetByLabel("Họ và tên").FillAsync("Lê Thị Hoa");
        await page.GetByLabel("Số điện thoại hoặc thư điện tử").FillAsync("0905 123 456");
        await page.GetByLabel("Tiêu đề").FillAsync("Rác thải tồn đọng tại chợ Đầm");
        await page.GetByLabel("Nội dung").FillAsync("Rác thải tồn đọng nhiều ngày tại cổng phía Đông chợ Đầm, đề nghị thu gom.");
        await page.GetByLabel("Tệp đính kèm (không bắt buộc)").SetInputFilesAsync(new FilePayload
        {
            Name = "hien-truong.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n%test\n"u8.ToArray(),
        });
        // From the keyboard: Enter in the last text field would not submit a textarea, so tab to the button.
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var shown = page.Locator("#ma-tra-cuu");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        var code = (await shown.InnerTextAsync()).Trim();
        Assert.That(code, Does.Match(TrackingCodeFormat()));
        await Chromium.ScreenshotAsync(page, "feedback-sent");

        // Later, from another device: typed in lower case, with spaces.
        await using var later = await NewContextAsync();
        var lookup = await later.NewPageAsync();
        await lookup.GotoAsync("/phan-anh/tra-cuu");
        await lookup.GetByLabel("Mã tra cứu").FillAsync(code.ToLowerInvariant().Replace('-', ' '));
        await lookup.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();

        await Assertions.Expect(lookup.Locator("#tinh-trang")).ToHaveTextAsync("Đã tiếp nhận");
        await Assertions.Expect(lookup.GetByText("Rác thải tồn đọng tại chợ Đầm")).ToBeVisibleAsync();
        Assert.That(await lookup.ContentAsync(), Does.Not.Contain("0905 123 456"));
        await Chromium.ScreenshotAsync(lookup, "feedback-status");
    }
}
