using NUnit.Framework;
using Platform.AppHost;

namespace Platform.TestSupport;

/// <summary>
/// Launch settings for a test run of the whole platform: its own data folder and Redis, free
/// ports, and the services built in the same configuration as the calling test assembly.
/// </summary>
public static class TestLaunchSettings
{
    /// <summary>In a new temporary folder named after <paramref name="name"/>.</summary>
    public static LaunchSettings Create(string name, IReadOnlyDictionary<string, string> extraEnvironment) =>
        ForFolder(TestServers.TempFolder(name)) with { ExtraEnvironment = extraEnvironment };

    public static LaunchSettings ForFolder(string dataFolder) => new()
    {
        RepositoryRoot = LaunchSettings.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory),
        DataFolder = dataFolder,
        LogFolder = Path.Combine(dataFolder, "logs"),
        GatewayPort = FreePorts.Next(),
        IdentityPort = FreePorts.Next(),
        FirstServicePort = FreePorts.NextRun(5),
        RedisPort = FreePorts.Next(),
        SiloPort = FreePorts.Next(),
        SiloGatewayPort = FreePorts.Next(),
        DocumentsGrpcPort = FreePorts.Next(),
        BuildConfiguration = BuildConfigurationOf(AppContext.BaseDirectory),
    };

    // The services were built in the same configuration as the test assembly: bin/<Configuration>/net10.0.
    private static string BuildConfigurationOf(string folder)
    {
        var parts = folder.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        return parts[Array.LastIndexOf(parts, "bin") + 1];
    }
}
