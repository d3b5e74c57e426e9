namespace Platform.Charts.Tests;

/// <summary>The repository (found upwards from the test binaries), the chart and helm-check.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Chart => Path.Combine(Root, "charts", "platform");

    /// <summary>HELM_CHECK when set, else ../shared/tools/helm-check/helm-check beside the repository.</summary>
    public static string HelmCheck =>
        Environment.GetEnvironmentVariable("HELM_CHECK") is { Length: > 0 } path
            ? path
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "tools", "helm-check", "helm-check"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }
}
