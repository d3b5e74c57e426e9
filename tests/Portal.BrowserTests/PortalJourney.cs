using Microsoft.Playwright;

namespace Platform.Portal.BrowserTests;

/// <summary>A journey through the portal alone (on Kestrel, SQLite, in-memory bus) in Debian's Chromium.</summary>
public abstract class PortalJourney
{
    protected PortalOnKestrel Portal { get; private set; } = null!;
    protected IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    [OneTimeSetUp]
    public async Task StartPortalAndBrowser()
    {
        Portal = new PortalOnKestrel();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task StopPortalAndBrowser()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Portal.Dispose();
    }

    protected Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Portal.BaseAddress.ToString(), Locale = "vi-VN", ViewportSize = viewport });
}
