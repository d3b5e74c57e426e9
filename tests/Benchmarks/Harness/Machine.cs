using System.Runtime.InteropServices;

namespace Platform.Benchmarks.Harness;

/// <summary>The machine the numbers were taken on; they mean little without it.</summary>
public sealed record Machine(int Processors, string Cpu, string Memory, string OperatingSystem, string DotNet, string LoadAverage)
{
    /// <summary>The machine is shared: the load average when the run started says how much of it the numbers had.</summary>
    public static Machine Describe() => new(
        Environment.ProcessorCount,
        FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        FirstValue("/proc/meminfo", "MemTotal") is { } kb ? $"{long.Parse(kb.Split(' ')[0]) / 1024 / 1024.0:0.0} GiB" : "unknown",
        PrettyOsName() ?? RuntimeInformation.OSDescription,
        $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})",
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1, 5, 15 min)" : "unknown");

    private static string? FirstValue(string file, string key)
    {
        if (!File.Exists(file)) return null;
        return File.ReadLines(file)
            .Where(line => line.StartsWith(key, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':') + 1)..].Trim())
            .FirstOrDefault();
    }

    private static string? PrettyOsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"')
              + $" (kernel {Environment.OSVersion.Version})"
            : null;
}
