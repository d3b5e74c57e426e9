using System.Globalization;

namespace Platform.Benchmarks.Peers;

/// <summary>CPU time and memory of a process from /proc (Linux): what each service cost during a run.</summary>
public sealed record ProcessUsage(TimeSpan CpuTime, long ResidentBytes, long PeakResidentBytes)
{
    // USER_HZ: the kernel reports CPU time in ticks of 1/100 s on every Linux the platform runs on.
    private const double TicksPerSecond = 100;

    public static ProcessUsage? Read(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // The command name may hold spaces and parentheses; the fields after the last ')' are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            var status = File.ReadAllLines($"/proc/{processId}/status");
            return new ProcessUsage(TimeSpan.FromSeconds(ticks / TicksPerSecond), Kilobytes(status, "VmRSS:") * 1024, Kilobytes(status, "VmHWM:") * 1024);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Kilobytes(string[] status, string key) =>
        status.Where(line => line.StartsWith(key, StringComparison.Ordinal))
            .Select(line => long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .FirstOrDefault();
}
