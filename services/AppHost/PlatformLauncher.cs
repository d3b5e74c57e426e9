using System.Diagnostics;

namespace Platform.AppHost;

/// <summary>
/// Starts Redis (unless one is given), Identity, the five services and the gateway as
/// separate processes, and waits until every one reports ready. make run and the
/// end-to-end tests both start the platform through this class, so they cannot drift.
/// </summary>
public sealed class PlatformLauncher : IAsyncDisposable
{
    private readonly Dictionary<string, ManagedProcess> _processes = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public LaunchSettings Settings { get; }
    public string RedisConnection { get; }

    private PlatformLauncher(LaunchSettings settings, string redisConnection)
    {
        Settings = settings;
        RedisConnection = redisConnection;
    }

    public static async Task<PlatformLauncher> StartAsync(LaunchSettings settings, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.DataFolder);
        var redis = settings.Redis ?? $"127.0.0.1:{settings.RedisPort}";
        var launcher = new PlatformLauncher(settings, redis);
        try
        {
            if (settings.Redis is null && !await RedisServer.PingAsync(redis, cancellationToken))
            {
                launcher._processes[RedisAppId] = RedisServer.Start(settings.RedisPort, settings.DataFolder, settings.LogFolder);
            }
            await WaitAsync("redis", () => RedisServer.PingAsync(redis, cancellationToken), readyTimeout, cancellationToken);

            foreach (var component in settings.Services.Append(settings.Identity).Append(settings.Gateway))
            {
                launcher.Start(component);
            }
            await Task.WhenAll(settings.Services.Append(settings.Identity).Append(settings.Gateway)
                .Select(c => launcher.WaitReadyAsync(c, readyTimeout, cancellationToken)));
            return launcher;
        }
        catch
        {
            await launcher.DisposeAsync();
            throw;
        }
    }

    /// <summary>The environment a component starts with: the same keys an operator sets in Kubernetes.</summary>
    public Dictionary<string, string> EnvironmentFor(PlatformComponent component)
    {
        var s = Settings;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = component.Url.ToString(),
            ["ASPNETCORE_ENVIRONMENT"] = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production",
            ["DataFolder"] = s.DataFolder,
            ["Service__AppId"] = component.AppId,
            ["ConnectionStrings__Redis"] = RedisConnection,
            ["EventBus__Transport"] = "redis",
            ["Identity__Issuer"] = s.Issuer,
            // Services read the realm's metadata from Identity itself, not through the gateway.
            ["Identity__MetadataAddress"] = $"{s.Identity.Url.ToString().TrimEnd('/')}/realms/{s.Realm}/.well-known/openid-configuration",
            ["Identity__PublicUrl"] = s.GatewayUrl.ToString().TrimEnd('/'),
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var service in s.Services.Append(s.Identity))
        {
            environment[$"Services__{service.AppId}"] = service.Url.ToString();
        }
        if (component.AppId == "documents")
        {
            // Named Kestrel endpoints replace ASPNETCORE_URLS: the HTTP/1.1 one keeps the service's URL.
            environment["Kestrel__Endpoints__Http__Url"] = component.Url.ToString();
            environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{s.DocumentsGrpcPort}";
            environment["Kestrel__Endpoints__Grpc__Protocols"] = "Http2";
        }
        if (component.AppId == "portal")
        {
            environment["Grpc__documents"] = $"http://127.0.0.1:{s.DocumentsGrpcPort}";
            // The realm file's development secrets; Kubernetes takes them from a Secret.
            var realmFile = DevelopmentRealm.FilePath(s.RepositoryRoot);
            if (DevelopmentRealm.ClientSecret(realmFile, "portal-backend") is { } serviceSecret)
            {
                environment["ServiceAccount__ClientSecret"] = serviceSecret;
            }
            // The staff console: browsers come back through the gateway after signing in.
            environment["Staff__PublicUrl"] = s.GatewayUrl.ToString().TrimEnd('/');
            environment["Identity__ClientId"] = "portal";
            if (DevelopmentRealm.ClientSecret(realmFile, "portal") is { } secret)
            {
                environment["Identity__ClientSecret"] = secret;
            }
        }
        if (s.Databases.TryGetValue(component.AppId, out var database))
        {
            environment["ConnectionStrings__Database"] = database;
        }
        if (component.AppId == "tasks")
        {
            environment["Silo__SiloPort"] = s.SiloPort.ToString();
            environment["Silo__GatewayPort"] = s.SiloGatewayPort.ToString();
        }
        foreach (var (key, value) in s.ExtraEnvironment) environment[key] = value;
        return environment;
    }

    public IReadOnlyCollection<string> Running => _processes.Where(p => !p.Value.HasExited).Select(p => p.Key).ToArray();

    public PlatformComponent Component(string appId) =>
        Settings.Services.Append(Settings.Identity).Append(Settings.Gateway).Single(c => c.AppId == appId);

    /// <summary>The process id of a running component (for its CPU and memory in /proc), or null.</summary>
    public int? ProcessId(string appId) =>
        _processes.TryGetValue(appId, out var process) && !process.HasExited ? process.Id : null;

    /// <summary>
    /// Kills a component (an app id, or "redis" when the launcher started Redis) as a crash
    /// would, with SIGKILL; <see cref="RestartAsync"/> brings it back.
    /// </summary>
    public void Kill(string appId)
    {
        if (_processes.Remove(appId, out var process)) process.Kill();
    }

    /// <summary>Stops a component the orderly way (SIGTERM; Redis writes its AOF and exits), to be restarted later.</summary>
    public async Task StopAsync(string appId)
    {
        if (_processes.Remove(appId, out var running)) await running.DisposeAsync();
    }

    /// <summary>Starts a component again (stopping it first if it still runs) and waits until it is ready.</summary>
    public async Task RestartAsync(string appId, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        await StopAsync(appId);
        if (appId == RedisAppId)
        {
            if (Settings.Redis is not null) throw new InvalidOperationException("Redis was given, not started, by this launcher.");
            _processes[RedisAppId] = RedisServer.Start(Settings.RedisPort, Settings.DataFolder, Settings.LogFolder);
            await WaitAsync(RedisAppId, () => RedisServer.PingAsync(RedisConnection, cancellationToken), readyTimeout, cancellationToken);
            return;
        }
        var component = Component(appId);
        Start(component);
        await WaitReadyAsync(component, readyTimeout, cancellationToken);
    }

    public const string RedisAppId = "redis";

    private void Start(PlatformComponent component)
    {
        var assembly = component.AssemblyPath(Settings.RepositoryRoot, Settings.BuildConfiguration);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assembly} is not built; run `dotnet build Platform.sln` (make run does).");
        }
        _processes[component.AppId] = ManagedProcess.Start(component.AppId, "dotnet", [assembly],
            EnvironmentFor(component), Path.GetDirectoryName(assembly)!, Settings.LogFolder);
    }

    private Task WaitReadyAsync(PlatformComponent component, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(component.AppId, async () =>
        {
            if (_processes.TryGetValue(component.AppId, out var process) && process.HasExited)
            {
                throw new InvalidOperationException($"{component.AppId} exited during start-up; see its log.");
            }
            try
            {
                using var response = await _http.GetAsync(new Uri(component.Url, "/health/ready"), cancellationToken);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { return false; }
        }, timeout, cancellationToken);

    private static async Task WaitAsync(string what, Func<Task<bool>> ready, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (!await ready())
        {
            if (watch.Elapsed > timeout) throw new TimeoutException($"{what} was not ready after {timeout.TotalSeconds:0} s.");
            await Task.Delay(200, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The gateway first, Redis last: nothing should lose its broker while still working.
        var order = _processes.Keys.OrderBy(k => k == "gateway" ? 0 : k == "redis" ? 2 : 1).ToArray();
        foreach (var group in order.GroupBy(k => k == "gateway" ? 0 : k == "redis" ? 2 : 1))
        {
            await Task.WhenAll(group.Select(async name => await _processes[name].DisposeAsync()));
        }
        _processes.Clear();
        _http.Dispose();
    }
}
