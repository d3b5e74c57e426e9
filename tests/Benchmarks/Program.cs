using System.Diagnostics;
using Platform.Benchmarks;
using System.Globalization;
using Platform.Benchmarks.Harness;
using Platform.Benchmarks.Peers;
using Platform.AppHost;
using Platform.Benchmarks.Search;
using Platform.Benchmarks.Storage;

// `make bench`: dotnet run -c Release --project tests/Benchmarks -- --output <folder>
// Sizes keep the whole run near two minutes on two cores (SQLite commits wait for fsync, so
// its rounds are the small ones); --quick is a ten-second smoke run (search: 10,000 documents).
// --only numbering,redis,outbox,search,tasks,gateway,platform runs some of them; search takes --documents N and --seed S.
if (args is [BareYarp.Verb, var proxyPort, var backendUrl])
{
    // A child process of the gateway benchmark, not a benchmark run.
    await BareYarp.RunAsync(int.Parse(proxyPort, CultureInfo.InvariantCulture), new Uri(backendUrl));
    return;
}

if (args is [TaskGrainBenchmark.Verb, var taskCount, var taskResults, .. var taskStore])
{
    // A child process of the task grain benchmark, run with the Tasks service's GC settings.
    await TaskGrainBenchmark.RunAndWriteAsync(int.Parse(taskCount, CultureInfo.InvariantCulture), taskResults, taskStore is [var store] ? store : null);
    return;
}

var output = Argument("--output") ?? Path.Combine(".artifacts", "bench");
var quick = args.Contains("--quick");
var only = Argument("--only")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
bool Runs(string name) => only is null || only.Contains(name);
var scale = quick ? 0.1 : 1.0;
int Ops(int full) => Math.Max(8, (int)(full * scale));
var rounds = quick ? 2 : 5;

// Eight writers must really run at once: SQLite calls block their thread, and the thread
// pool would otherwise add threads too slowly for a short round.
ThreadPool.SetMinThreads(Math.Max(16, Environment.ProcessorCount), Math.Max(16, Environment.ProcessorCount));

var postgres = Environment.GetEnvironmentVariable("PLATFORM_TEST_POSTGRES") is { Length: > 0 } pg ? pg : null;
var redis = Environment.GetEnvironmentVariable("PLATFORM_TEST_REDIS") is { Length: > 0 } r ? r : null;
var results = new List<BenchmarkResult>();
var skipped = new List<string>();
var sections = new List<string>();
var watch = Stopwatch.StartNew();
var machine = Machine.Describe();

if (Runs("numbering"))
{
    foreach (var writers in new[] { 1, 8 })
    {
        results.Add(await NumberAllocationBenchmark.RunAsync(DatabaseKind.Sqlite, null, writers, Ops(1000), rounds));
    }
    if (postgres is null) skipped.Add("number allocation and outbox on PostgreSQL: PLATFORM_TEST_POSTGRES is not set (make bench starts the server).");
    else
    {
        foreach (var writers in new[] { 1, 8 })
        {
            results.Add(await NumberAllocationBenchmark.RunAsync(DatabaseKind.Postgres, postgres, writers, Ops(2000), rounds));
        }
    }
}

if (Runs("redis"))
{
    if (redis is null) skipped.Add("Redis Streams: PLATFORM_TEST_REDIS is not set (make bench starts the server).");
    else
    {
        var (streams, steady) = await RedisStreamsBenchmark.RunAsync(redis, Ops(20000), Ops(40), rounds, TimeSpan.FromSeconds(quick ? 2 : 10));
        results.AddRange(streams);
        sections.Add(steady);
    }
}

if (Runs("outbox"))
{
    results.Add(await OutboxBenchmark.RunAsync(DatabaseKind.Sqlite, null, Ops(1000), rounds));
    if (postgres is not null) results.Add(await OutboxBenchmark.RunAsync(DatabaseKind.Postgres, postgres, Ops(2000), rounds));
}

if (Runs("search"))
{
    var documents = Argument("--documents") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : quick ? 10_000 : 100_000;
    var seed = Argument("--seed") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 20261123;
    if (postgres is null) skipped.Add("full-text search on PostgreSQL (the baseline): PLATFORM_TEST_POSTGRES is not set (make bench starts the server).");
    sections.Add(await SearchBenchmark.RunAsync(new SearchBenchmarkOptions(
        documents, LuceneQueries: quick ? 50 : 200, PostgresQueries: quick ? 10 : 30, FreshnessSamples: quick ? 30 : 200, seed, postgres)));
}

if (Runs("gateway"))
{
    sections.Add(await GatewayBenchmark.RunAsync(LaunchSettings.FindRepositoryRoot(AppContext.BaseDirectory),
        TimeSpan.FromSeconds(quick ? 2 : 8), quick ? 1 : 3, TimeSpan.FromSeconds(quick ? 5 : 40)));
}

if (Runs("platform"))
{
    var root = LaunchSettings.FindRepositoryRoot(AppContext.BaseDirectory);
    sections.Add(await PlatformBenchmark.RunAsync(root, postgres, documents: quick ? 200 : 2000, clerks: 16));
    // Also on make run's default, a SQLite file per service, whose commits wait for fsync one at a time.
    if (postgres is not null)
    {
        try
        {
            sections.Add(await PlatformBenchmark.RunAsync(root, null, documents: quick ? 200 : 1000, clerks: 16));
        }
        catch (Exception failure) when (failure is InvalidOperationException or TimeoutException or HttpRequestException)
        {
            // The run still reports, with what went wrong, rather than losing every other figure.
            sections.Add($"## Platform on SQLite\n\nThe run failed: {failure.Message}\n");
        }
    }
}

// The full run's 100,000 tasks are the target; --quick checks the harness with 5,000.
// In-memory storage measures the grains alone; Redis storage is what the service runs on.
if (Runs("tasks"))
{
    results.AddRange(await TaskGrainBenchmark.RunWithServiceRuntimeAsync(quick ? 5_000 : 100_000));
    if (redis is null) skipped.Add("Task grains on Redis storage: PLATFORM_TEST_REDIS is not set (make bench starts the server).");
    else results.AddRange(await TaskGrainBenchmark.RunWithServiceRuntimeAsync(quick ? 5_000 : 100_000, redis));
}

Directory.CreateDirectory(output);
var file = Path.Combine(Path.GetFullPath(output), "results.md");
await File.WriteAllTextAsync(file, ResultsReport.Markdown(results, skipped, machine, watch.Elapsed, sections));
Console.WriteLine($"Wrote {file} in {watch.Elapsed.TotalSeconds:0} s");

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
