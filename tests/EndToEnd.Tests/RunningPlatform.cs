using Platform.AppHost;
using Platform.TestSupport;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole platform, started once for this assembly through the same launcher as make
/// run, with its own Redis server, data folder and free ports.
/// </summary>
[SetUpFixture]
public sealed class RunningPlatform
{
    public static PlatformLauncher Platform { get; private set; } = null!;
    public static HttpClient Gateway { get; private set; } = null!;
    public static RealmTokens Tokens { get; private set; } = null!;

    /// <summary>How long a test waits for an event to cross processes over Redis.</summary>
    public static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var settings = TestLaunchSettings.Create("e2e", new Dictionary<string, string>
        {
            ["EventBus__OutboxPollInterval"] = "00:00:00.500",
            ["Gateway__MaxRequestBodyBytes"] = (1024 * 1024).ToString(),
        });
        try
        {
            Platform = await PlatformLauncher.StartAsync(settings, TimeSpan.FromSeconds(120), CancellationToken.None);
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"The platform did not start; logs are in {settings.LogFolder}:\n{Tail(settings.LogFolder!)}", exception);
        }
        Gateway = new HttpClient { BaseAddress = settings.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        Tokens = new RealmTokens(Gateway, new Uri(settings.Issuer));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Gateway?.Dispose();
        if (Platform is not null) await Platform.DisposeAsync();
    }

    private static string Tail(string folder) => !Directory.Exists(folder) ? "(no logs)" : string.Join("\n",
        Directory.GetFiles(folder, "*.log").Select(f => $"--- {Path.GetFileName(f)}\n" + string.Join("\n", File.ReadLines(f).TakeLast(15))));
}
