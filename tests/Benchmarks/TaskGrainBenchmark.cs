using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Platform.Benchmarks.Harness;
using Platform.Benchmarks.Storage;
using Platform.Contracts;
using Platform.Tasks;
using Platform.Tasks.Domain;
using Platform.Tasks.Grains;

namespace Platform.Benchmarks;

/// <summary>
/// Task grains in one silo, called in-silo (no network): N tasks created, each updated five
/// times; latency of each update; managed memory per active task; and, on a second batch of N,
/// how long after a deadline passes until every task's own Orleans reminder has marked it
/// overdue. The projection only counts, so the read model's database is not in the figures. It runs
/// twice: on Orleans' in-memory storage and reminders (the grains' own cost; the silo's heap then
/// also holds every stored state as a byte array, which the collector has to copy) and on Redis,
/// as in every real run. Each phase lists its garbage collections by generation (pause median, p90,
/// max, bytes promoted): the update tail follows the longest of them.
/// </summary>
public static class TaskGrainBenchmark
{
    private const int Parallelism = 32;

    /// <summary>The child process's verb: <c>Benchmarks task-grains TASKS RESULTS.json [REDIS]</c>.</summary>
    public const string Verb = "task-grains";

    /// <summary>
    /// Runs the benchmark in a child process under the Tasks service's own runtimeconfig.json (its GC
    /// and thread-pool settings), because the update tail is set by GC pauses and pool starvation and
    /// this process's settings are its own. The child writes its results as JSON.
    /// </summary>
    public static async Task<IReadOnlyList<BenchmarkResult>> RunWithServiceRuntimeAsync(int tasks, string? redis = null)
    {
        var results = Path.Combine(Path.GetTempPath(), $"task-grains-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        string[] arguments = [Verb, tasks.ToString(CultureInfo.InvariantCulture), results, .. redis is null ? [] : new[] { redis }];
        foreach (var argument in ServiceRuntime.ExecArguments(Path.Combine(AppContext.BaseDirectory, "Tasks.runtimeconfig.json"), arguments)) start.ArgumentList.Add(argument);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The task grain benchmark process did not start.");
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) throw new InvalidOperationException($"The task grain benchmark process failed with exit code {child.ExitCode}.");
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<List<BenchmarkResult>>(await File.ReadAllTextAsync(results))!;
        }
        finally
        {
            File.Delete(results);
        }
    }

    /// <summary>The child's side of <see cref="RunWithServiceRuntimeAsync"/>.</summary>
    public static async Task RunAndWriteAsync(int tasks, string resultsFile, string? redis) =>
        await File.WriteAllTextAsync(resultsFile, System.Text.Json.JsonSerializer.Serialize(await RunAsync(tasks, redis)));

    /// <summary>
    /// With <paramref name="redis"/>, grain state and reminders live in Redis, as in every real run;
    /// without, in Orleans' in-memory stores, which keep every stored state as a byte array on the
    /// silo's own heap.
    /// </summary>
    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(int tasks, string? redis = null)
    {
        var clock = new OffsetClock();
        var projection = new CountingProjection();
        await using var keys = redis is null ? null : await BenchRedisKeys.CreateAsync(redis);
        using var host = await StartSiloAsync(clock, projection, redis, keys?.ServiceId ?? "bench-tasks");
        using var pauses = new GcPauses();
        var storage = redis is null ? "in-memory storage" : "Redis storage";
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        // Phases 1 and 2: deadlines a month ahead, so no reminder fires while they run.
        clock.SetNow(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var far = new DateOnly(2026, 12, 23);
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var ids = Enumerable.Range(0, tasks).Select(_ => Guid.NewGuid()).ToArray();

        Console.Write($"{"task grains: create " + tasks.ToString("N0", CultureInfo.InvariantCulture),-52}");
        var (createElapsed, createLatencies) = await TimedAsync(ids, id => grains.GetGrain<ITaskGrain>(id).Create(NewTask(id, far)));
        Console.WriteLine($" {tasks / createElapsed.TotalSeconds:0} ops/s");

        var updates = tasks * 5;
        Console.Write($"{"task grains: update " + updates.ToString("N0", CultureInfo.InvariantCulture),-52}");
        // Round by round (every task's first update, then every task's second...), so the calls in flight
        // are to different tasks: five updates to one task at once would only wait for each other, as a
        // grain takes one call at a time by design.
        var work = Enumerable.Range(1, 5).SelectMany(step => ids.Select(id => (id, step))).ToArray();
        var gcBefore = GcSnapshot.Take();
        pauses.Restart();
        var (updateElapsed, updateLatencies) = await TimedAsync(work, item =>
            grains.GetGrain<ITaskGrain>(item.id).ReportProgress("chuyenvien", item.step * 10, "Cập nhật tiến độ", []));
        var updateGc = GcSnapshot.Take() - gcBefore;
        var updatePauses = pauses.Summary();
        Console.WriteLine($" {updates / updateElapsed.TotalSeconds:0} ops/s; {updateGc.PerOperation(updates, updateElapsed)}");

        // The same update with 1 to 32 calls in flight: where latency grows with the queue and the
        // throughput stays flat, the calls wait for the two cores, not for a lock or the storage.
        var sweep = new List<string>();
        foreach (var inFlight in new[] { 1, 2, 4, 8, 32 })
        {
            var sample = ids.Take(Math.Min(20_000, tasks)).ToArray();
            var gc = GcSnapshot.Take();
            var (elapsed, latencies) = await TimedAsync(sample, id =>
                grains.GetGrain<ITaskGrain>(id).ReportProgress("chuyenvien", 70, "Cập nhật tiến độ", []), parallelism: inFlight);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{inFlight} in flight: {sample.Length / elapsed.TotalSeconds:0} ops/s, p50 {Measurement.Percentile(latencies, 0.5):0.000} ms, p99 {Measurement.Percentile(latencies, 0.99):0.000} ms, max {latencies.Max():0.0} ms; {(GcSnapshot.Take() - gc).PerOperation(sample.Length, elapsed)}");
            Console.WriteLine($"task grains: update with {line}");
            sweep.Add(line);
        }

        // Latency as users meet it: updates arrive at a fixed rate whether or not earlier ones are done,
        // and each is timed from when it was due, so a stall (a GC pause, a busy core) counts against
        // every update due during it. The closed loop above measures throughput; its latency is mostly
        // its own queue (32 callers on 2 cores) and says little about one update's wait. 1,000 a second is
        // already far above a province's peak (thousands of tasks a year, each updated a few times) and runs
        // ten seconds, so that its p99 rests on 100 updates rather than 30.
        var rates = new List<string>();
        foreach (var perSecond in new[] { 1_000, 5_000, 10_000, 20_000 })
        {
            var seconds = tasks >= 100_000 ? (perSecond <= 1_000 ? 10 : 3) : 1;
            var sample = ids.Skip(20_000).Concat(ids).Take(Math.Min(tasks, perSecond * seconds)).ToArray();
            var gc = GcSnapshot.Take();
            pauses.Restart();
            var (elapsed, latencies, peak) = await OpenLoopAsync(sample, id =>
                grains.GetGrain<ITaskGrain>(id).ReportProgress("chuyenvien", 80, "Cập nhật tiến độ", []), perSecond);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{perSecond:N0}/s offered ({sample.Length:N0} updates, {sample.Length / elapsed.TotalSeconds:0} ops/s done, at most {peak} in flight): p50 {Measurement.Percentile(latencies, 0.5):0.000} ms, p99 {Measurement.Percentile(latencies, 0.99):0.000} ms, max {latencies.Max():0.0} ms; {(GcSnapshot.Take() - gc).PerOperation(sample.Length, elapsed)}; collections: {pauses.Summary()}");
            Console.WriteLine($"task grains: update at {line}");
            rates.Add(line);
        }

        // The same call path with nothing to store (a reminder tick that finds nothing new): what an
        // update costs beyond this is the history entry, the state write and the projection.
        var ticks = ids.Take(Math.Min(20_000, tasks)).ToArray();
        var tickGc = GcSnapshot.Take();
        pauses.Restart();
        var (tickElapsed, tickLatencies) = await TimedAsync(ticks, id => grains.GetGrain<ITaskGrain>(id).CheckDeadline(), parallelism: 8);
        var tickLine = string.Create(CultureInfo.InvariantCulture,
            $"a call that stores nothing (deadline check), 8 in flight: {ticks.Length / tickElapsed.TotalSeconds:0} ops/s, p50 {Measurement.Percentile(tickLatencies, 0.5):0.000} ms, p99 {Measurement.Percentile(tickLatencies, 0.99):0.000} ms; {(GcSnapshot.Take() - tickGc).PerOperation(ticks.Length, tickElapsed)}; collections: {pauses.Summary()}");
        Console.WriteLine($"task grains: {tickLine}");

        // Latency alone: one call in flight, so a figure is the grain's cost and not the queue
        // behind 31 other calls on a shared two-core machine.
        var probes = ids.Take(Math.Min(10_000, tasks)).ToArray();
        var (_, probeLatencies) = await TimedAsync(probes, id =>
            grains.GetGrain<ITaskGrain>(id).ReportProgress("chuyenvien", 60, "Cập nhật tiến độ", []), parallelism: 1);

        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        var perTask = (memoryAfter - memoryBefore) / (double)tasks;

        // Phase 3: a second batch, due on a day whose end comes a little after the batch is in;
        // the clock runs in real time from there, so each Orleans reminder fires on its own.
        var deadline = new DateOnly(2027, 3, 10);
        var boundary = TaskClock.StartOf(deadline.AddDays(1));
        var lead = TimeSpan.FromSeconds(10) + createElapsed * 1.5;
        clock.SetNow(boundary - lead);
        var batch = Enumerable.Range(0, tasks).Select(_ => Guid.NewGuid()).ToArray();
        Console.Write($"{"task grains: overdue via reminders " + tasks.ToString("N0", CultureInfo.InvariantCulture),-52}");
        await TimedAsync(batch, id => grains.GetGrain<ITaskGrain>(id).Create(NewTask(id, deadline)));
        var untilBoundary = boundary - clock.GetUtcNow();
        if (untilBoundary < TimeSpan.Zero) throw new InvalidOperationException("The batch took longer to enter than planned; the boundary passed early.");
        await Task.Delay(untilBoundary);
        var passed = Stopwatch.GetTimestamp();
        while (projection.Overdue < tasks)
        {
            // A starved machine can miss the target; the run still reports how far it got rather than losing every figure.
            if (Stopwatch.GetElapsedTime(passed) > TimeSpan.FromMinutes(3)) break;
            await Task.Delay(20);
        }
        var allOverdue = Stopwatch.GetElapsedTime(passed);
        var overdueCount = projection.Overdue;
        var reached = overdueCount >= tasks
            ? $"every one of {tasks:N0} tasks was marked overdue by its own reminder"
            : $"ONLY {overdueCount:N0} of {tasks:N0} tasks were marked overdue by their reminders";
        Console.WriteLine($" {overdueCount} of {tasks} overdue {allOverdue.TotalSeconds:0.0} s after the deadline");
        await host.StopAsync();

        var create = new BenchmarkResult($"task grains, {storage}: create (deadline, reminder registered)", tasks, 1,
            tasks / createElapsed.TotalSeconds, Measurement.Percentile(createLatencies, 0.95), redis is null ? Note : RedisNote);
        var update = new BenchmarkResult($"task grains, {storage}: progress update (5 per task)", updates, 1,
            updates / updateElapsed.TotalSeconds, Measurement.Percentile(updateLatencies, 0.95),
            string.Create(CultureInfo.InvariantCulture,
                $"task grain update latency, open loop (updates arrive at a fixed rate; timed from when each was due): {string.Join("; ", rates)}. Closed loop: p50 {Measurement.Percentile(updateLatencies, 0.5):0.000} ms, p99 {Measurement.Percentile(updateLatencies, 0.99):0.000} ms with {Parallelism} calls in flight; one call in flight ({probes.Length:N0} more updates): p50 {Measurement.Percentile(probeLatencies, 0.5):0.000} ms, p99 {Measurement.Percentile(probeLatencies, 0.99):0.000} ms; managed memory per active task (state, activation, reminder) {perTask / 1024:0.0} KB over {tasks:N0} tasks. During the 32-in-flight updates: {updateGc.PerOperation(updates, updateElapsed)}; collections: {updatePauses} ({ServiceRuntime.Describe()}). Sweep of 20,000 updates each: {string.Join("; ", sweep)}. For comparison, {tickLine}."));
        var overdue = new BenchmarkResult($"task grains, {storage}: overdue transitions after the deadline", tasks, 1,
            overdueCount / allOverdue.TotalSeconds, Measurement.Percentile(projection.OverdueAt.Select(t => Stopwatch.GetElapsedTime(passed, t).TotalMilliseconds), 0.95),
            string.Create(CultureInfo.InvariantCulture,
                $"overdue: p95 is the time from the deadline passing to a task's overdue transition; {reached} {allOverdue.TotalSeconds:0.0} s after the deadline passed (target: within one reminder period, 1 h by default)."));
        return [create, update, overdue];
    }

    private const string Note =
        "task grains: one silo, in-memory grain storage and reminders, the read-model projection replaced by a counter, calls made in-silo "
        + "(through the silo's own grain factory, as the co-hosted API calls: arguments and results are copied, not serialized) "
        + "with 32 in flight; one operation = one grain call that applies the rule, stores state and projects. Latency is wall time "
        + "on a shared machine; CPU µs/op and KB allocated/op are the figures that do not depend on what else runs there.";

    private const string RedisNote =
        "task grains on Redis storage: as above, but grain state and reminders in Redis (keys of the run's own on the benchmark's "
        + "redis-server, removed afterwards; AOF on, on the same two cores), as every real run keeps them; the silo then holds no stored copy of a state on its heap.";

    private static NewTask NewTask(Guid id, DateOnly deadline) =>
        new(id, null, null, "Tham mưu báo cáo kết quả thực hiện nhiệm vụ", "SKHĐT", ["STC"], deadline, "lanhdao", Secrecy.None);

    private static async Task<(TimeSpan Elapsed, double[] LatenciesMs)> TimedAsync<T>(
        IReadOnlyList<T> items, Func<T, Task<TaskOutcome>> call, int parallelism = Parallelism)
    {
        var latencies = new double[items.Count];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < items.Count)
            {
                var callStarted = Stopwatch.GetTimestamp();
                var outcome = await call(items[index]);
                latencies[index] = Measurement.MillisecondsSince(callStarted);
                if (!outcome.Succeeded) throw new InvalidOperationException(outcome.Error);
            }
        })));
        return (Stopwatch.GetElapsedTime(started), latencies);
    }

    /// <summary>
    /// Open loop: call i is due at i ÷ rate seconds after the start and is issued then, without waiting
    /// for earlier calls. A thread of its own (not the pool the grains run on, whose queue would delay it)
    /// wakes about every millisecond and issues every call due by then. Latency runs from the due time,
    /// so a late issue (a GC pause stops this thread too) counts against the grain, not in its favour.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, double[] LatenciesMs, int PeakInFlight)> OpenLoopAsync<T>(
        IReadOnlyList<T> items, Func<T, Task<TaskOutcome>> call, int perSecond)
    {
        var latencies = new double[items.Count];
        var calls = new Task[items.Count];
        var inFlight = 0;
        var peak = 0;
        var ticksPerCall = Stopwatch.Frequency / (double)perSecond;
        var started = Stopwatch.GetTimestamp();
        var issuer = new Thread(() =>
        {
            var next = 0;
            while (next < items.Count)
            {
                var due = Math.Min(items.Count, (long)((Stopwatch.GetTimestamp() - started) / ticksPerCall) + 1);
                for (; next < due; next++)
                {
                    var running = Interlocked.Increment(ref inFlight);
                    if (running > peak) peak = running;
                    calls[next] = Issue(next, started + (long)(next * ticksPerCall));
                }
                Thread.Sleep(1);
            }
        }) { IsBackground = true, Name = "open-loop issuer" };
        issuer.Start();
        await Task.Run(issuer.Join);
        await Task.WhenAll(calls);
        return (Stopwatch.GetElapsedTime(started), latencies, peak);

        async Task Issue(int index, long dueAt)
        {
            var outcome = await call(items[index]);
            latencies[index] = Measurement.MillisecondsSince(dueAt);
            Interlocked.Decrement(ref inFlight);
            if (!outcome.Succeeded) throw new InvalidOperationException(outcome.Error);
        }
    }

    private static async Task<IHost> StartSiloAsync(OffsetClock clock, CountingProjection projection, string? redis, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Tasks:ReminderPeriod"] = "00:01:00" });
        builder.Services.AddTaskGrainServices(builder.Configuration);
        builder.Services.AddSingleton(new TaskClock(clock));
        builder.Services.AddSingleton<ITaskProjection>(projection);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort(), null, serviceId, "bench");
            silo.AddTaskStorage(redis is null ? "memory" : "redis", redis);
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(1));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// What a phase cost the process: CPU time and bytes allocated (both per operation, and both
    /// independent of how many other processes share the cores, unlike wall-clock latency), and
    /// the collections and pause time of the garbage collector, to tell GC pauses from queueing.
    /// </summary>
    private readonly record struct GcSnapshot(TimeSpan Cpu, long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Paused)
    {
        public static GcSnapshot Take() => new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public static GcSnapshot operator -(GcSnapshot a, GcSnapshot b) =>
            new(a.Cpu - b.Cpu, a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused);

        /// <summary>Per operation; with the phase's wall time, also how much of the machine the process got (on a shared machine, far less than all of it).</summary>
        public string PerOperation(int operations, TimeSpan? elapsed = null) => string.Create(CultureInfo.InvariantCulture,
            $"{(elapsed is { } wall ? $"process busy {Cpu / wall / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores, " : "")}CPU {Cpu.TotalMicroseconds / operations:0} µs/op, {Allocated / (double)operations / 1024:0.0} KB allocated/op; GC: {Gen0} gen0, {Gen1} gen1, {Gen2} gen2 collections, {Paused.TotalMilliseconds:0} ms paused");
    }

    /// <summary>Real time shifted to a chosen instant, so a deadline can be made to pass during the run.</summary>
    private sealed class OffsetClock : TimeProvider
    {
        private long _offsetTicks;

        public void SetNow(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - DateTimeOffset.UtcNow).Ticks);

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks));
    }

    /// <summary>Counts what the grains would project; the benchmark waits on the overdue count.</summary>
    private sealed class CountingProjection : ITaskProjection
    {
        private readonly ConcurrentDictionary<Guid, int> _seen = new();
        private int _overdue;

        /// <summary>When each overdue transition was projected (Stopwatch timestamps).</summary>
        public ConcurrentBag<long> OverdueAt { get; } = [];

        public int Overdue => Volatile.Read(ref _overdue);

        public Task ProjectAsync(TaskRecord record, CancellationToken cancellationToken)
        {
            var seen = _seen.GetValueOrDefault(record.Id);
            for (var i = seen; i < record.History.Count; i++)
            {
                if (record.History[i].Action != TaskAction.BecameOverdue) continue;
                OverdueAt.Add(Stopwatch.GetTimestamp());
                Interlocked.Increment(ref _overdue);
            }
            _seen[record.Id] = record.History.Count;
            return Task.CompletedTask;
        }
    }
}
