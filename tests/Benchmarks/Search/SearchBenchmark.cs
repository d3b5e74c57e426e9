extern alias documents;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using documents::Platform.Documents.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Benchmarks.Harness;
using Platform.Benchmarks.Storage;
using Platform.Contracts;
using Platform.TestSupport;

namespace Platform.Benchmarks.Search;

public sealed record SearchBenchmarkOptions(int Documents, int LuceneQueries, int PostgresQueries, int FreshnessSamples, int Seed, string? Postgres);

/// <summary>
/// Full-text search on a generated corpus: indexing throughput, query latency of the service's
/// own engine (Lucene.Net, the whole SearchAsync path: trimming filter, top 10, total, facets,
/// highlight) against PostgreSQL full-text search on the same documents and queries, and
/// freshness through the real pipeline (register over HTTP, outbox, bus, handler, index).
/// </summary>
public static class SearchBenchmark
{
    private const int BatchSize = SearchIndexRebuild.BatchSize;
    private static readonly SearchScope Reader = new(Secrecy.Confidential, "VP", SeesAllUnits: true);

    public static async Task<string> RunAsync(SearchBenchmarkOptions options)
    {
        var folder = VietnameseCorpus.FindFolder() ?? throw new InvalidOperationException("../shared/corpus was not found from the working folder upwards.");
        var corpus = VietnameseCorpus.Load(folder);
        var loadBefore = LoadAverage();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Full-text search, {options.Documents:N0} documents");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Corpus: seed {options.Seed}; subjects from DOMAIN.md types, bodies and topics; bodies of about 300 words recombined from {corpus.Source}.");
        report.AppendLine();

        // The Documents service in process (SQLite, in-memory bus, test sign-in): its own index is the one measured.
        using var service = new DocumentsService();
        var search = service.Services.GetRequiredService<IDocumentSearch>();

        Console.WriteLine($"search: indexing {options.Documents:N0} documents");
        var indexing = TimeSpan.Zero;
        var indexingCpu = TimeSpan.Zero;
        // A new process compiles Lucene's indexing, flushing and merging code while it indexes, and
        // recompiles the hot parts (tiered compilation); shown apart, as it is paid once per process.
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        using var process = Process.GetCurrentProcess();
        foreach (var batch in corpus.Documents(options.Documents, options.Seed).Chunk(BatchSize))
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            await search.IndexAsync(batch, CancellationToken.None);
            indexing += Stopwatch.GetElapsedTime(started);
            process.Refresh();
            indexingCpu += process.TotalProcessorTime - cpu;
        }
        var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
        Console.WriteLine($"search: indexed in {indexing.TotalSeconds:0.0} s ({options.Documents / indexing.TotalSeconds:N0} docs/s), CPU {indexingCpu.TotalSeconds:0.0} s ({options.Documents / indexingCpu.TotalSeconds:N0} docs per CPU-second; JIT compilation {jit.TotalSeconds:0.0} s), load {LoadAverage()}");
        var indexFolder = Path.Combine(service.DataFolder, "documents", "search-index");
        var indexBytes = System.IO.Directory.EnumerateFiles(indexFolder).Sum(f => new FileInfo(f).Length);

        TimeSpan? postgresLoad = null;
        PostgresFullText? postgres = null;
        await using var postgresDatabase = options.Postgres is null ? null : await BenchDatabase.CreateAsync(Storage.DatabaseKind.Postgres, options.Postgres);
        if (postgresDatabase is not null)
        {
            Console.WriteLine("search: loading the same corpus into PostgreSQL (COPY, unaccent tsvector, GIN)");
            postgres = new PostgresFullText(postgresDatabase.ConnectionString);
            postgresLoad = await postgres.LoadAsync(corpus.Documents(options.Documents, options.Seed));
        }

        report.AppendLine("| indexing | documents | time | docs/s | CPU time (this process) | docs per CPU-second | target |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| Lucene.Net (service's IDocumentSearch, batches of {BatchSize}, commit per batch; index {indexBytes / 1048576.0:0} MiB) | {options.Documents:N0} | {indexing.TotalSeconds:0.0} s | {options.Documents / indexing.TotalSeconds:N0} | {indexingCpu.TotalSeconds:0.0} s, of which JIT compilation {jit.TotalSeconds:0.0} s | {options.Documents / indexingCpu.TotalSeconds:N0} | ≥ 5,000 docs/s: {(options.Documents / indexing.TotalSeconds >= 5000 ? "met" : "**not met**")} |");
        if (postgresLoad is { } load)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| PostgreSQL (COPY with generated unaccent tsvector, then GIN index) | {options.Documents:N0} | {load.TotalSeconds:0.0} s | {options.Documents / load.TotalSeconds:N0} | (server process, not measured) | – | (baseline) |");
        }
        report.AppendLine();

        // One pass over every class's queries first: the code paths are then compiled at their
        // final tier (tiered JIT promotes a method after some calls and compiles it in the
        // background), so the first class measured does not carry the JIT's work for all of them.
        var queryClasses = new[] { 1, 2, 4 }.SelectMany(words =>
        {
            var typed = corpus.Queries(words, options.LuceneQueries, options.Seed + words);
            return new[] { (words, "with diacritics", typed), (words, "without diacritics", typed.Select(VietnameseText.Fold).ToArray()) };
        }).ToArray();
        Console.WriteLine("search: warm-up pass over every query class");
        foreach (var (_, _, queries) in queryClasses) await LuceneLatencies(search, queries);

        report.AppendLine("| query class | Lucene p50 | p95 | p99 | Lucene CPU per query (mean) | PostgreSQL p50 | p95 | p99 | PostgreSQL ÷ Lucene at p95 | targets (p95 < 20 ms; ≥ 20×) |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (words, label, queries) in queryClasses)
        {
            Console.WriteLine($"search: {words}-word queries {label}");
            var (lucene, cpuMs) = await LuceneLatencies(search, queries);
            var name = $"{words} word{(words == 1 ? "" : "s")}, {label}";
            if (postgres is null)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Ms(lucene, 0.5)} | {Ms(lucene, 0.95)} | {Ms(lucene, 0.99)} | {cpuMs:0.0} ms | – | – | – | – | p95 {(P(lucene, 0.95) < 20 ? "met" : "**not met**")} |");
                continue;
            }
            await postgres.QueryAsync(queries.Take(3).ToArray(), (int)Reader.Clearance);
            var pg = await postgres.QueryAsync(queries.Take(options.PostgresQueries).ToArray(), (int)Reader.Clearance);
            var ratio = P(pg, 0.95) / P(lucene, 0.95);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {Ms(lucene, 0.5)} | {Ms(lucene, 0.95)} | {Ms(lucene, 0.99)} | {cpuMs:0.0} ms | {Ms(pg, 0.5)} | {Ms(pg, 0.95)} | {Ms(pg, 0.99)} | {ratio:0.0}× | p95 {(P(lucene, 0.95) < 20 ? "met" : "**not met**")}; ratio {(ratio >= 20 ? "met" : "**not met**")} |");
        }
        report.AppendLine();

        Console.WriteLine("search: a burst of single-document updates from concurrent callers (group commit)");
        var burst = await BurstAsync(search, corpus, options.Seed);
        report.AppendLine("| group commit: single-document IndexAsync calls, each returning searchable and committed | calls | concurrent callers | commits | time | calls/s |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var run in burst)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {(run.Callers == 1 ? "one after another" : "all at once")} | {run.Calls} | {run.Callers} | {run.Commits} | {run.Time.TotalSeconds:0.00} s | {run.Calls / run.Time.TotalSeconds:N0} |");
        }
        report.AppendLine();

        Console.WriteLine($"search: freshness over {options.FreshnessSamples} registrations");
        var freshness = await FreshnessAsync(service, search, options.FreshnessSamples, options.Seed);
        report.AppendLine("| freshness: registration committed → found by search | samples | p50 | p95 | p99 | max | target |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| POST /api/documents/incoming answered → outbox → in-memory bus → IndexDocumentChanges → Lucene commit → search finds it by number and code | {freshness.Length} | {Ms(freshness, 0.5)} | {Ms(freshness, 0.95)} | {Ms(freshness, 0.99)} | {freshness.Max():0.0} ms | p99 < 1 s: {(P(freshness, 0.99) < 1000 ? "met" : "**not met**")} |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"""
            Notes on method: Lucene latencies are {options.LuceneQueries} queries per class after one warm-up pass over every class, one at a time, each
            the service's whole SearchAsync (secrecy filter, top 10, exact total, four facets, highlight). PostgreSQL runs the first
            {options.PostgresQueries} queries of each class (it is slow, and shares the machine), prepared, after 3 warm-up queries:
            `plainto_tsquery` on a `simple` + `unaccent` configuration, `ts_rank` top 10 under the same secrecy filter, no total or
            facets, so the comparison favours PostgreSQL. Queries are runs of consecutive words from the corpus sentences, so common
            words (và, của, các) are included as people type them. Both stores are on the same machine as every other process;
            freshness polls the index every millisecond. Load average (1 min) before: {loadBefore}, after: {LoadAverage()}; on a
            machine shared with other builds, anything above the core count means these numbers carry others' work.
            """);
        return report.ToString();
    }

    /// <summary>Wall-clock latency of each query, and the mean CPU time per query of this process (less bent by other processes).</summary>
    private static async Task<(double[] Latencies, double CpuMs)> LuceneLatencies(IDocumentSearch search, IReadOnlyList<string> queries)
    {
        foreach (var query in queries.Take(10)) await search.SearchAsync(new SearchQuery { Text = query, PageSize = 10 }, Reader, CancellationToken.None);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var latencies = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await search.SearchAsync(new SearchQuery { Text = queries[i], PageSize = 10 }, Reader, CancellationToken.None);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        process.Refresh();
        return (latencies, (process.TotalProcessorTime - cpu).TotalMilliseconds / queries.Count);
    }

    /// <summary>
    /// The same number of single-document updates (as events bring them) made one caller at a
    /// time and then by many callers at once: with group commit the second shares commits.
    /// </summary>
    private static async Task<(int Calls, int Callers, long Commits, TimeSpan Time)[]> BurstAsync(IDocumentSearch search, VietnameseCorpus corpus, int seed)
    {
        if (search is not documents::Platform.Documents.Search.Lucene.LuceneDocumentSearch lucene) return [];
        const int calls = 200;
        var runs = new List<(int, int, long, TimeSpan)>();
        foreach (var callers in new[] { 1, 32 })
        {
            var documents = corpus.Documents(calls, seed + callers).ToArray();
            var commitsBefore = lucene.Commits;
            var started = Stopwatch.GetTimestamp();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < calls; i = Interlocked.Increment(ref next))
                {
                    await search.IndexAsync([documents[i]], CancellationToken.None);
                }
            })));
            runs.Add((calls, callers, lucene.Commits - commitsBefore, Stopwatch.GetElapsedTime(started)));
        }
        return [.. runs];
    }

    private static async Task<double[]> FreshnessAsync(DocumentsService service, IDocumentSearch search, int samples, int seed)
    {
        using var clerk = service.ClientFor(TestUser.Clerk);
        var latencies = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var code = $"{i + 1}/TB-F{seed}";
            var response = await clerk.PostAsJsonAsync("/api/documents/incoming", new
            {
                issuingBody = "Sở Nội vụ", numberAndCode = code, documentDate = "2026-11-20", documentType = "Thông báo",
                subject = "Thông báo kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban", urgency = "Normal", secrecy = "None", pageCount = 1,
            });
            response.EnsureSuccessStatusCode();
            var committed = Stopwatch.GetTimestamp();
            var deadline = committed + Stopwatch.Frequency * 30;
            while ((await search.SearchAsync(new SearchQuery { Text = code }, Reader, CancellationToken.None)).Total == 0)
            {
                if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"{code} not searchable after 30 s");
                await Task.Delay(1);
            }
            latencies[i] = Stopwatch.GetElapsedTime(committed).TotalMilliseconds;
        }
        return latencies;
    }

    /// <summary>
    /// The Documents service as the tests host it. A benchmark runs from the repository root, not its
    /// output folder, so the content root is set here rather than found from the test manifest.
    /// </summary>
    private sealed class DocumentsService() : ServiceFactory<documents::Program>(Platform.TestSupport.DatabaseKind.Sqlite, "documents-bench")
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseContentRoot(AppContext.BaseDirectory);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static double P(IEnumerable<double> values, double fraction) => Measurement.Percentile(values, fraction);

    private static string Ms(IEnumerable<double> values, double fraction) => $"{P(values, fraction):0.0} ms";
}
