using NUnit.Framework;
using Platform.AppHost;

namespace Platform.TestSupport;

/// <summary>
/// Launch settings for a test run of the whole platform: its own data folder and Redis, free
/// ports, and the services built in the same configuration as the calling test assembly.
/// </summary>
public static class TestLaunchSettings
{
    public static LaunchSettings Create(string name, IReadOnlyDictionary<string, string> extraEnvironment)
    {
        var data = TestServers.TempFolder(name);
        return new LaunchSettings
        {
            RepositoryRoot = LaunchSettings.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory),
            DataFolder = data,
            LogFolder = Path.Combine(data, "logs"),
            GatewayPort = FreePorts.Next(),
            IdentityPort = FreePorts.Next(),
            FirstServicePort = FreePorts.NextRun(5),
            RedisPort = FreePorts.Next(),
            SiloPort = FreePorts.Next(),
            SiloGatewayPort = FreePorts.Next(),
            BuildConfiguration = BuildConfigurationOf(AppContext.BaseDirectory),
            ExtraEnvironment = extraEnvironment,
        };
    }

    // The services were built in the same configuration as the test assembly: bin/<Configuration>/net10.0.
    private static string BuildConfigurationOf(string folder)
    {
        var parts = folder.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        return parts[Array.LastIndexOf(parts, "bin") + 1];
    }
}
