namespace Platform.AppHost;

/// <summary>One process of the platform: its app id, the project that builds it and the port it listens on.</summary>
public sealed record PlatformComponent(string AppId, string ProjectFolder, string AssemblyName, int Port)
{
    public Uri Url => new($"http://127.0.0.1:{Port}");

    public string AssemblyPath(string repositoryRoot, string configuration) =>
        Path.Combine(repositoryRoot, ProjectFolder, "bin", configuration, "net10.0", AssemblyName + ".dll");
}
