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

    /// <summary>
    /// CPU time of a process and of its children (nginx's workers), from /proc/PID/task/*/children.
    /// Null when the process is gone.
    /// </summary>
    public static TimeSpan? CpuTimeWithChildren(int processId)
    {
        if (Read(processId) is not { } own) return null;
        var total = own.CpuTime;
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
            {
                var children = File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                foreach (var child in children)
                {
                    total += CpuTimeWithChildren(int.Parse(child, CultureInfo.InvariantCulture)) ?? TimeSpan.Zero;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException) { }
        return total;
    }

    private static long Kilobytes(string[] status, string key) =>
        status.Where(line => line.StartsWith(key, StringComparison.Ordinal))
            .Select(line => long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .FirstOrDefault();
}
