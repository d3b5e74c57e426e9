using System.Globalization;
using System.Text;

namespace Platform.Benchmarks.Harness;

/// <summary>Writes results.md: the table, what was skipped and why, and the machine.</summary>
public static class ResultsReport
{
    public static string Markdown(IReadOnlyList<BenchmarkResult> results, IReadOnlyList<string> skipped, Machine machine, TimeSpan total,
        IReadOnlyList<string>? sections = null)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine("Each benchmark runs one warm-up round, then measured rounds. *median ops/s* is the median of the");
        text.AppendLine("rounds' throughput; *p95 latency* is over every measured operation (what one operation means is");
        text.AppendLine("in the notes).");
        text.AppendLine();
        text.AppendLine("| benchmark | operations | median ops/s | p95 latency |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Rounds} × {r.OperationsPerRound:N0} | {r.MedianOpsPerSecond:N0} | {r.P95LatencyMs:0.00} ms |");
        }
        text.AppendLine();
        text.AppendLine("Notes:");
        text.AppendLine();
        foreach (var note in results.Where(r => r.Note is not null).Select(r => r.Note).Distinct())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }
        foreach (var reason in skipped)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Skipped: {reason}");
        }
        text.AppendLine();
        foreach (var section in sections ?? [])
        {
            text.AppendLine(section);
        }
        text.AppendLine("## Machine");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- processors (nproc): {machine.Processors}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- CPU: {machine.Cpu}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- memory: {machine.Memory}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- OS: {machine.OperatingSystem}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- .NET: {machine.DotNet}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- load average at the start (shared machine: other people's builds and tests run too): {machine.LoadAverage}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- load average at the end: {Machine.Describe().LoadAverage}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- whole run: {total.TotalSeconds:0} s");
        return text.ToString();
    }
}
