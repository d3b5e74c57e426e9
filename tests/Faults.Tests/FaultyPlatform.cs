using Platform.AppHost;
using Platform.TestSupport;

namespace Platform.Faults.Tests;

/// <summary>
/// The whole platform as make run starts it, but on PostgreSQL (one database per service on
/// a private server), with a Redis server of its own (AOF on) that a test may stop, and free ports.
/// </summary>
[SetUpFixture]
public sealed class FaultyPlatform
{
    public static PlatformLauncher Platform { get; private set; } = null!;
    public static PrivatePostgres Postgres { get; private set; } = null!;
    public static PatientClient Client { get; private set; } = null!;
    public static IReadOnlyDictionary<string, string> Databases { get; private set; } = null!;

    /// <summary>Requests per load: PLATFORM_FAULTS_LOAD (make bench sets 1,000); 200 in make test.</summary>
    public static int Load { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_FAULTS_LOAD"), out var load) && load > 0 ? load : 200;

    // Generous: on a loaded 2-core machine (make test runs next to other work) a service has needed over two minutes to migrate and start.
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(300);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var root = LaunchSettings.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory);
        var data = TestServers.TempFolder("faults");
        Postgres = new PrivatePostgres(root, Path.Combine(data, "postgres-server"), FreePorts.Next());
        await Postgres.StartAsync();
        var databases = new Dictionary<string, string>();
        foreach (var service in new[] { "documents", "tasks", "portal", "gazette", "reporting" })
        {
            await Postgres.CreateDatabaseAsync(service);
            databases[service] = Postgres.Database(service);
        }
        Databases = databases;
        var settings = TestLaunchSettings.ForFolder(data) with
        {
            Databases = databases,
            ExtraEnvironment = new Dictionary<string, string>
            {
                ["EventBus__OutboxPollInterval"] = "00:00:00.500",
                // Entries a killed consumer held are taken over sooner than the 30 s default.
                ["EventBus__ProcessingTimeout"] = "00:00:05",
                ["EventBus__ReclaimInterval"] = "00:00:01",
                // One clerk sends the whole load; the edge limit is not what is tested here.
                ["Gateway__RequestsPerMinute"] = "1000000",
            },
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            Platform = await PlatformLauncher.StartAsync(settings, ReadyTimeout, CancellationToken.None);
            TestContext.Progress.WriteLine($"platform ready in {watch.Elapsed.TotalSeconds:F1} s");
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"The platform did not start; logs are in {settings.LogFolder}", exception);
        }
        Client = new PatientClient(settings.GatewayUrl, new Uri(settings.Issuer));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Client?.Dispose();
        if (Platform is not null) await Platform.DisposeAsync();
        if (Postgres is not null) await Postgres.StopAsync();
    }
}
