using System.Diagnostics;
using Platform.Benchmarks;
using Platform.Benchmarks.Harness;
using Platform.Benchmarks.Storage;

// `make bench`: dotnet run -c Release --project tests/Benchmarks -- --output <folder>
// Sizes keep the whole run near two minutes on two cores (SQLite commits wait for fsync, so
// its rounds are the small ones); --quick is a ten-second smoke run.
var output = Argument("--output") ?? Path.Combine(".artifacts", "bench");
var quick = args.Contains("--quick");
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
var watch = Stopwatch.StartNew();

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

if (redis is null) skipped.Add("Redis Streams: PLATFORM_TEST_REDIS is not set (make bench starts the server).");
else results.AddRange(await RedisStreamsBenchmark.RunAsync(redis, Ops(20000), Ops(40), rounds));

results.Add(await OutboxBenchmark.RunAsync(DatabaseKind.Sqlite, null, Ops(1000), rounds));
if (postgres is not null) results.Add(await OutboxBenchmark.RunAsync(DatabaseKind.Postgres, postgres, Ops(2000), rounds));

Directory.CreateDirectory(output);
var file = Path.Combine(Path.GetFullPath(output), "results.md");
await File.WriteAllTextAsync(file, ResultsReport.Markdown(results, skipped, Machine.Describe(), watch.Elapsed));
Console.WriteLine($"Wrote {file} in {watch.Elapsed.TotalSeconds:0} s");

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
