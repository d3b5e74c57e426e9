using Platform.AppHost;

namespace Platform.TestSupport;

/// <summary>How a test starts the whole platform: free ports, its own data folder and logs, the test assembly's build.</summary>
public static class TestLaunchSettings
{
    public static LaunchSettings ForFolder(string dataFolder) => new()
    {
        RepositoryRoot = LaunchSettings.FindRepositoryRoot(NUnit.Framework.TestContext.CurrentContext.TestDirectory),
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
