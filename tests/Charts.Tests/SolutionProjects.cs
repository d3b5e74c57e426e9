namespace Platform.Charts.Tests;

internal sealed record SolutionProject(string Name, string Path, string Directory)
{
    /// <summary>The workload's name in the chart (app.kubernetes.io/component): the project's name in lower case.</summary>
    public string Component => Name.ToLowerInvariant();
}

/// <summary>The projects of Platform.sln, and which of them the cluster runs.</summary>
internal static class SolutionProjects
{
    /// <summary>Web projects that are not local-only (Identity: Keycloak replaces it; AppHost: the local launcher).</summary>
    private static readonly string[] NotDeployed = ["Identity", "AppHost", "ServiceDefaults"];

    public static IEnumerable<SolutionProject> All()
    {
        var solution = File.ReadAllText(System.IO.Path.Combine(RepoPaths.Root, "Platform.sln"));
        foreach (var match in Regexes.SolutionProject().Matches(solution).Cast<System.Text.RegularExpressions.Match>())
        {
            var path = match.Groups[2].Value.Replace('\\', '/');
            var full = System.IO.Path.Combine(RepoPaths.Root, path);
            yield return new SolutionProject(System.IO.Path.GetFileNameWithoutExtension(path), path, System.IO.Path.GetDirectoryName(full)!);
        }
    }

    /// <summary>ASP.NET Core projects outside tests/ and contracts/ that are deployed.</summary>
    public static IEnumerable<SolutionProject> ServingTraffic() => All().Where(project =>
        !project.Path.StartsWith("tests/", StringComparison.Ordinal)
        && !project.Path.StartsWith("contracts/", StringComparison.Ordinal)
        && !NotDeployed.Contains(project.Name)
        && File.ReadAllText(System.IO.Path.Combine(RepoPaths.Root, project.Path)).Contains("Sdk=\"Microsoft.NET.Sdk.Web\"", StringComparison.Ordinal));
}
