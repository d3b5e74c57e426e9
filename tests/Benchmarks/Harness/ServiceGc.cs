using System.Text.Json;

namespace Platform.Benchmarks.Harness;

/// <summary>
/// A service's GC settings (server or workstation, concurrent or not) from its runtimeconfig.json,
/// as the environment variables that give a child process of the benchmark the same ones. The
/// benchmark's own process runs workstation GC; a service hosted in it would otherwise be measured
/// with a collector it does not run with, and GC pauses are what set latency tails.
/// </summary>
public static class ServiceGc
{
    public static Dictionary<string, string> EnvironmentOf(string runtimeConfig)
    {
        var environment = new Dictionary<string, string>();
        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        if (!json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)) return environment;
        foreach (var (property, variable) in new[] { ("System.GC.Server", "DOTNET_gcServer"), ("System.GC.Concurrent", "DOTNET_gcConcurrent") })
        {
            // A value set for the whole run (to try another GC) wins.
            if (Environment.GetEnvironmentVariable(variable) is not null) continue;
            if (properties.TryGetProperty(property, out var value)) environment[variable] = value.GetBoolean() ? "1" : "0";
        }
        return environment;
    }
}
