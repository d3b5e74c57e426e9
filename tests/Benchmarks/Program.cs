using System.Diagnostics;
using Platform.Benchmarks;
using Platform.Benchmarks.Harness;
using Platform.Benchmarks.Storage;

// `make bench`: dotnet run -c Release --project tests/Benchmarks -- --output <folder>
// Sizes keep the whole run near two minutes on two cores (SQLite commits wait for fsync, so
// its rounds are the small ones); --quick is a ten-second smoke run. --filter <word> runs only
// the benchmarks whose group matches: numbering, redis, outbox, tasks.
var output = Argument("--output") ?? Path.Combine(".artifacts", "bench");
var quick = args.Contains("--quick");
var scale = quick ? 0.1 : 1.0;
int Ops(int full) => Math.Max(8, (int)(full * scale));
var rounds = quick ? 2 : 5;
var filter = Argument("--filter");
bool Wants(string group) => filter is null || group.Contains(filter, StringComparison.OrdinalIgnoreCase);

// Eight writers must really run at once: SQLite calls block their thread, and the thread
// pool would otherwise add threads too slowly for a short round.
ThreadPool.SetMinThreads(Math.Max(16, Environment.ProcessorCount), Math.Max(16, Environment.ProcessorCount));

var postgres = Environment.GetEnvironmentVariable("PLATFORM_TEST_POSTGRES") is { Length: > 0 } pg ? pg : null;
var redis = Environment.GetEnvironmentVariable("PLATFORM_TEST_REDIS") is { Length: > 0 } r ? r : null;
var results = new List<BenchmarkResult>();
var skipped = new List<string>();
var watch = Stopwatch.StartNew();

if (Wants("numbering"))
{
    foreach (var writers in new[] { 1, 8 })
    {
        results.Add(await NumberAllocationBenchmark.RunAsync(DatabaseKind.Sqlite, null, writers, Ops(1000), rounds));
    }
}
if (!Wants("numbering") && !Wants("outbox")) { }
else if (postgres is null) skipped.Add("number allocation and outbox on PostgreSQL: PLATFORM_TEST_POSTGRES is not set (make bench starts the server).");
else
{
    foreach (var writers in Wants("numbering") ? new[] { 1, 8 } : [])
    {
        results.Add(await NumberAllocationBenchmark.RunAsync(DatabaseKind.Postgres, postgres, writers, Ops(2000), rounds));
    }
}

if (!Wants("redis")) { }
else if (redis is null) skipped.Add("Redis Streams: PLATFORM_TEST_REDIS is not set (make bench starts the server).");
else results.AddRange(await RedisStreamsBenchmark.RunAsync(redis, Ops(20000), Ops(40), rounds));

if (Wants("outbox")) results.Add(await OutboxBenchmark.RunAsync(DatabaseKind.Sqlite, null, Ops(1000), rounds));
if (Wants("outbox") && postgres is not null) results.Add(await OutboxBenchmark.RunAsync(DatabaseKind.Postgres, postgres, Ops(2000), rounds));

// The full run's 100,000 tasks are the target; --quick checks the harness with 5,000.
if (Wants("tasks")) results.AddRange(await TaskGrainBenchmark.RunAsync(quick ? 5_000 : 100_000));

Directory.CreateDirectory(output);
var file = Path.Combine(Path.GetFullPath(output), "results.md");
await File.WriteAllTextAsync(file, ResultsReport.Markdown(results, skipped, Machine.Describe(), watch.Elapsed));
Console.WriteLine($"Wrote {file} in {watch.Elapsed.TotalSeconds:0} s");

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
