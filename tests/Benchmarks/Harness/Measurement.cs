using System.Diagnostics;

namespace Platform.Benchmarks.Harness;

/// <summary>What one round did: how many operations in how long, and each one's latency.</summary>
public sealed record Round(int Operations, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs)
{
    public double OpsPerSecond => Operations / Elapsed.TotalSeconds;
}

/// <summary>One line of the results table.</summary>
public sealed record BenchmarkResult(string Name, int OperationsPerRound, int Rounds, double MedianOpsPerSecond, double P95LatencyMs, string? Note = null);

/// <summary>
/// A warm-up round (JIT, connection pools, first-touch of tables) that is thrown away, then
/// several measured rounds: throughput is the median round, so one hiccup of a shared 2-core
/// machine does not move it; latency is the 95th percentile over every measured operation.
/// </summary>
public static class Measurement
{
    public static async Task<BenchmarkResult> RunAsync(string name, int operations, int rounds, Func<int, Task<Round>> round, string? note = null)
    {
        Console.Write($"{name,-52} warm-up");
        await round(0);
        var measured = new List<Round>();
        for (var i = 1; i <= rounds; i++)
        {
            measured.Add(await round(i));
            Console.Write($" {measured[^1].OpsPerSecond:0}");
        }
        var result = new BenchmarkResult(name, operations, rounds,
            Median(measured.Select(r => r.OpsPerSecond)),
            Percentile(measured.SelectMany(r => r.LatenciesMs), 0.95), note);
        Console.WriteLine($"  => median {result.MedianOpsPerSecond:0} ops/s, p95 {result.P95LatencyMs:0.00} ms");
        return result;
    }

    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double MillisecondsSince(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}
