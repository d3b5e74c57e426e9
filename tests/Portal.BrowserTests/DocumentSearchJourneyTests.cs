using Microsoft.Playwright;
using Platform.Portal.Tests.Support;

namespace Platform.Portal.BrowserTests;

/// <summary>A citizen looks for a document against the real Documents service, then Documents goes down.</summary>
[NonParallelizable]
public sealed class DocumentSearchJourneyTests
{
    private const string Subject = "Về việc phê duyệt Đề án phát triển du lịch cộng đồng tỉnh giai đoạn 2026 - 2030";
    private PortalWithDocuments _platform = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private Guid _document;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = new PortalWithDocuments();
        (_playwright, _browser) = await Chromium.LaunchAsync();
        _document = await _platform.IssueAsync("Quyết định", Subject, isLegalNormative: true);
        using var visitor = _platform.Visitor();
        await Platform.TestSupport.Eventually.UntilAsync(() => visitor.GetStringAsync("/van-ban?q=du+lich+cong+dong"),
            page => page.Contains($"/van-ban/{_document}") && !page.Contains("tim-du-phong"), what: "the document in the portal and in Documents' search");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _platform.Dispose();
    }

    [Test, Order(1)]
    public async Task A_citizen_searches_without_diacritics_and_opens_the_signed_document()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _platform.BaseAddress.ToString(), Locale = "vi-VN" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByLabel("Tìm văn bản").FillAsync("du lich cong dong");
        await page.GetByLabel("Tìm văn bản").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("du lich cong dong");
        await Assertions.Expect(page.Locator("#tim-du-phong")).ToHaveCountAsync(0);
        await Chromium.ScreenshotAsync(page, "document-search-without-diacritics");

        await page.Locator($"a[href='/van-ban/{_document}']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Quyết định số");
        await Assertions.Expect(page.GetByText(Subject)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#ket-qua-chu-ky")).ToContainTextAsync("Hợp lệ");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "van-ban.pdf" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "document-detail-signature-valid");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "van-ban.pdf" }).ClickAsync());
        Assert.That(download.SuggestedFilename, Is.EqualTo("van-ban.pdf"));
    }

    [Test, Order(2)]
    public async Task With_Documents_stopped_the_home_and_document_pages_still_render()
    {
        // The portal checked the signature while Documents was up (a visit, as any visitor's would).
        using (var visitor = _platform.Visitor()) await visitor.GetStringAsync($"/van-ban/{_document}");
        _platform.StopDocuments();
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _platform.BaseAddress.ToString(), Locale = "vi-VN" });
        var page = await context.NewPageAsync();

        var home = await page.GotoAsync("/");
        Assert.That(home!.Status, Is.EqualTo(200));
        await Assertions.Expect(page.Locator($"a[href='/van-ban/{_document}']").First).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "home-with-documents-down");

        await page.Locator($"a[href='/van-ban/{_document}']").First.ClickAsync();
        await Assertions.Expect(page.GetByText(Subject)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#ket-qua-chu-ky")).ToContainTextAsync("Hợp lệ");
        await Assertions.Expect(page.GetByText("đây là kết quả kiểm tra gần nhất")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "document-detail-documents-down");

        await page.GotoAsync("/van-ban?q=du+lich");
        await Assertions.Expect(page.Locator("#tim-du-phong")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"a[href='/van-ban/{_document}']")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "document-search-documents-down");
    }
}
