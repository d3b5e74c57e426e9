namespace Platform.AppHost;

/// <summary>
/// Everything that differs between make run and a test run: ports, data folder, Redis.
/// Defaults are make run's; tests pass free ports and their own folder.
/// </summary>
public sealed record LaunchSettings
{
    public required string RepositoryRoot { get; init; }
    public required string DataFolder { get; init; }
    public string BuildConfiguration { get; init; } = "Debug";
    public int GatewayPort { get; init; } = 8080;
    public int IdentityPort { get; init; } = 5100;
    public int FirstServicePort { get; init; } = 5101;
    /// <summary>
    /// The Tasks service's Orleans silo and client-gateway ports. Given here, not picked by the
    /// silo at random, so they can never take a port the launcher promised another process.
    /// </summary>
    public int SiloPort { get; init; } = 11111;
    public int SiloGatewayPort { get; init; } = 30000;
    /// <summary>
    /// Documents' gRPC port (HTTP/2 only: cleartext HTTP/2 cannot share a port with HTTP/1.1),
    /// where the portal's public search asks.
    /// </summary>
    public int DocumentsGrpcPort { get; init; } = 5111;
    /// <summary>An already running Redis (host:port); when null, a Redis server is started on <see cref="RedisPort"/>.</summary>
    public string? Redis { get; init; }
    public int RedisPort { get; init; } = 6380;
    public string Realm { get; init; } = "platform";
    /// <summary>
    /// ConnectionStrings:Database per app id (PostgreSQL "Host=..." or SQLite); a service not
    /// listed keeps its default SQLite file in the data folder.
    /// </summary>
    public IReadOnlyDictionary<string, string> Databases { get; init; } = new Dictionary<string, string>();
    /// <summary>Where each process writes its output; null writes to the console with a prefix.</summary>
    public string? LogFolder { get; init; }
    public IReadOnlyDictionary<string, string> ExtraEnvironment { get; init; } = new Dictionary<string, string>();

    public Uri GatewayUrl => new($"http://127.0.0.1:{GatewayPort}");
    public string Issuer => $"{GatewayUrl.ToString().TrimEnd('/')}/realms/{Realm}";

    public IReadOnlyList<PlatformComponent> Services =>
    [
        new("documents", "services/Documents", "Documents", FirstServicePort),
        new("tasks", "services/Tasks", "Tasks", FirstServicePort + 1),
        new("portal", "services/Portal", "Portal", FirstServicePort + 2),
        new("gazette", "services/Gazette", "Gazette", FirstServicePort + 3),
        new("reporting", "services/Reporting", "Reporting", FirstServicePort + 4),
    ];

    public PlatformComponent Identity => new("identity", "services/Identity", "Identity", IdentityPort);
    public PlatformComponent Gateway => new("gateway", "gateway", "Gateway", GatewayPort);

    /// <summary>Finds the repository root from a folder inside it (the one holding Platform.sln).</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        }
        throw new DirectoryNotFoundException($"No Platform.sln above {start}.");
    }
}
