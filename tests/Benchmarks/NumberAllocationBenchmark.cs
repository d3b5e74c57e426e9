using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Benchmarks.Harness;
using Platform.Benchmarks.Storage;
using Platform.ServiceDefaults.Storage;

namespace Platform.Benchmarks;

/// <summary>
/// Gap-free numbering as a registration does it: a transaction, NumberSeries.NextAsync, commit.
/// Concurrent writers queue on the row lock (PostgreSQL) or the write lock (SQLite); every
/// round checks that the numbers it got are exactly 1..N.
/// </summary>
public static class NumberAllocationBenchmark
{
    public const string Note =
        "number allocation: one operation = BEGIN, NumberSeries.NextAsync (one INSERT ... ON CONFLICT DO UPDATE ... RETURNING), COMMIT, "
        + "on a fresh DbContext per operation as a request has; writers share one series, so they queue; each round checks the numbers are exactly 1..N.";

    public static async Task<BenchmarkResult> RunAsync(DatabaseKind kind, string? postgres, int writers, int operations, int rounds)
    {
        await using var database = await BenchDatabase.CreateAsync(kind, postgres);
        await using var provider = database.Register(new ServiceCollection()).BuildServiceProvider();
        var name = $"number allocation, {kind}, {writers} writer{(writers == 1 ? "" : "s")}";
        return await Measurement.RunAsync(name, operations, rounds, round => RoundAsync(provider, $"round-{round}", writers, operations), Note);
    }

    private static async Task<Round> RoundAsync(IServiceProvider provider, string series, int writers, int operations)
    {
        var numbers = new ConcurrentBag<int>();
        var latencies = new ConcurrentBag<double>();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var share = operations / writers + (writer < operations % writers ? 1 : 0);
            for (var i = 0; i < share; i++)
            {
                var operationStarted = Stopwatch.GetTimestamp();
                await using var scope = provider.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                numbers.Add(await NumberSeries.NextAsync(db, series, 2026, CancellationToken.None));
                await transaction.CommitAsync();
                latencies.Add(Measurement.MillisecondsSince(operationStarted));
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (!numbers.Order().SequenceEqual(Enumerable.Range(1, operations)))
        {
            throw new InvalidOperationException($"Series {series} is not gap-free: got {numbers.Count} numbers, {numbers.Distinct().Count()} distinct, max {numbers.Max()}.");
        }
        return new Round(operations, elapsed, latencies.ToArray());
    }
}
