namespace Platform.Benchmarks.Harness;

/// <summary>
/// Runs a verb of this benchmark program in a child process under a service's own runtimeconfig.json
/// (<c>dotnet exec --runtimeconfig</c>), so that a service's code hosted by the benchmark runs with the
/// runtime settings it ships with: its GC flavour and gen0 budget, its thread-pool minimum. This process's own
/// settings differ, and GC pauses and pool starvation are what set latency tails.
/// </summary>
public static class ServiceRuntime
{
    /// <summary>The arguments for <c>dotnet</c>: <c>exec --runtimeconfig CONFIG Benchmarks.dll ARGUMENTS</c>.</summary>
    public static List<string> ExecArguments(string runtimeConfig, params IEnumerable<string> arguments) =>
        ["exec", "--runtimeconfig", runtimeConfig, typeof(ServiceRuntime).Assembly.Location, .. arguments];

    /// <summary>How the process it runs in is set up, for a results note.</summary>
    public static string Describe()
    {
        ThreadPool.GetMinThreads(out var workers, out _);
        var budget = AppContext.GetData("System.GC.Gen0MaxBudget") is { } set ? $", gen0 budget at most {Convert.ToInt64(set, System.Globalization.CultureInfo.InvariantCulture) / 1024} KB" : "";
        return $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC{budget}, {Environment.ProcessorCount} processors, thread pool minimum {workers} workers";
    }
}
