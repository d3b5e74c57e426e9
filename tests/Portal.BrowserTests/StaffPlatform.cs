using Microsoft.Playwright;
using Platform.AppHost;
using Platform.TestSupport;

namespace Platform.Portal.BrowserTests;

/// <summary>
/// The whole platform started as make run starts it (own Redis, free ports), reached through the
/// gateway, with Chromium: the staff console signs people in against the real identity
/// provider and calls the real services.
/// </summary>
public sealed class StaffPlatform : IAsyncDisposable
{
    private StaffPlatform(PlatformLauncher platform, IPlaywright playwright, IBrowser browser)
    {
        Platform = platform;
        Playwright = playwright;
        Browser = browser;
        Gateway = new HttpClient { BaseAddress = platform.Settings.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        Tokens = new RealmTokens(Gateway, new Uri(platform.Settings.Issuer));
    }

    public PlatformLauncher Platform { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public HttpClient Gateway { get; }
    public RealmTokens Tokens { get; }
    public Uri BaseAddress => Platform.Settings.GatewayUrl;
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(20);

    public static async Task<StaffPlatform> StartAsync()
    {
        var settings = TestLaunchSettings.Create("staff-console", new Dictionary<string, string>
        {
            ["EventBus__OutboxPollInterval"] = "00:00:00.500",
            // Short-lived access tokens, so a test can outlive one and see the session renew it.
            ["Identity__AccessTokenLifetime"] = AccessTokenLifetime.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        PlatformLauncher platform;
        try
        {
            platform = await PlatformLauncher.StartAsync(settings, TimeSpan.FromSeconds(120), CancellationToken.None);
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"The platform did not start; logs are in {settings.LogFolder}", exception);
        }
        var (playwright, browser) = await Chromium.LaunchAsync();
        return new StaffPlatform(platform, playwright, browser);
    }

    /// <summary>A fresh browser (no cookies) in which <paramref name="username"/> signs in on the identity provider's login page.</summary>
    public async Task<IPage> SignInAsync(string username, string startPath = "/staff", ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "vi-VN", ViewportSize = viewport });
        var page = await context.NewPageAsync();
        await page.GotoAsync(startPath);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/realms/platform/"));
        await page.GetByLabel("Tên đăng nhập").FillAsync(username);
        await page.GetByLabel("Mật khẩu").FillAsync(RealmTokens.SamplePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, startPath).ToString());
        }
        catch (PlaywrightException)
        {
            // What the portal or the identity provider said instead, for whoever reads the failure.
            Assert.Fail($"{username} did not arrive at {startPath}; the page at {page.Url} says:\n{await page.InnerTextAsync("body")}");
        }
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Platform.DisposeAsync();
    }
}
