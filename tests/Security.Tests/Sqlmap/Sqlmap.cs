using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Platform.Security.Tests.Sqlmap;

/// <summary>
/// Runs sqlmap (the Debian package; tests/servers.sh install sqlmap) against one URL and reads its
/// verdict. Short on purpose: level 1, risk 1, boolean, error and UNION techniques, one thread.
/// </summary>
public static partial class Sqlmap
{
    public sealed record Verdict(string Target, string Output)
    {
        /// <summary>sqlmap's own words when it found something: an injection point, or a parameter it calls injectable.</summary>
        public IReadOnlyList<string> Injections =>
            Output.Split('\n').Where(line => line.Contains("identified the following injection point", StringComparison.Ordinal)
                || InjectableLine().IsMatch(line)).ToList();

        /// <summary>How many payload kinds it tried: zero means it never reached a parameter, and proves nothing.</summary>
        public int TestsRun => Output.Split('\n').Count(line => line.Contains("[INFO] testing '", StringComparison.Ordinal));

        public IReadOnlyList<string> TestedParameters =>
            TestingParameter().Matches(Output).Select(m => m.Groups["name"].Value).Distinct().ToList();
    }

    public static bool Installed => File.Exists("/usr/bin/sqlmap");

    public static async Task<Verdict> RunAsync(string url, IEnumerable<string> extraArguments, CancellationToken cancellationToken)
    {
        var output = Path.Combine(Path.GetTempPath(), "sqlmap-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("sqlmap")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-u", url, "--batch", "--level", "1", "--risk", "1", "--technique", "BEU", "--threads", "1",
            "--flush-session", "--output-dir", output, "--disable-coloring", "--timeout", "10", "--retries", "1",
            "--dbms", "PostgreSQL",
        }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        try { Directory.Delete(output, recursive: true); } catch (IOException) { }
        return new Verdict(url, await stdout + await stderr);
    }

    [GeneratedRegex(@"parameter '[^']+' (is|appears to be) '?[^']*'? ?injectable", RegexOptions.IgnoreCase)]
    private static partial Regex InjectableLine();

    [GeneratedRegex(@"testing if (?:\w+ )?parameter '(?:\w+ )?#?(?<name>[^']+)' is dynamic|heuristic \(basic\) test shows that (?:\w+ )?parameter '(?:\w+ )?(?<name>[^']+)'")]
    private static partial Regex TestingParameter();
}
