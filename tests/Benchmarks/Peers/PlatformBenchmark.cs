using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.AppHost;
using Platform.Benchmarks.Harness;
using Platform.TestSupport;

namespace Platform.Benchmarks.Peers;

/// <summary>
/// The whole platform (Release build, services on PostgreSQL, its own Redis) taking incoming
/// document registrations through the gateway from concurrent clerks: how many per second it
/// accepts, how many per second are done end to end (stored, the event out through the outbox,
/// indexed for search, counted by reporting), and what each process spent in CPU and memory.
/// </summary>
public static class PlatformBenchmark
{
    private const int Warmup = 300;

    public static async Task<string> RunAsync(string repositoryRoot, string? postgres, int documents, int clerks)
    {
        var data = TestServers.TempFolder("bench-platform");
        var databases = new Dictionary<string, string>();
        if (postgres is not null)
        {
            foreach (var service in new[] { "documents", "tasks", "portal", "gazette", "reporting" })
            {
                databases[service] = TestServers.NewPostgresDatabase("bench_" + service);
            }
        }
        var settings = TestLaunchSettings.ForFolder(data) with
        {
            RepositoryRoot = repositoryRoot,
            BuildConfiguration = "Release",
            Databases = databases,
            ExtraEnvironment = new Dictionary<string, string>
            {
                ["Gateway__RequestsPerMinute"] = "1000000000",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        Console.WriteLine($"Platform: starting (data in {data}) ...");
        // Seven .NET processes starting at once on a shared two-core machine can take minutes.
        await using var platform = await PlatformLauncher.StartAsync(settings, TimeSpan.FromSeconds(420), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = settings.GatewayUrl, Timeout = TimeSpan.FromSeconds(60) };
        var tokens = new RealmTokens(http, new Uri(settings.Issuer));
        // The realm's tokens live five minutes, less than a run on a loaded machine: each phase takes a
        // fresh one, and the polls renew theirs (a 401 once failed a run after its measurements).
        var clerk = await tokens.PasswordAsync("vanthu");
        var leader = new FreshToken(() => tokens.PasswordAsync("lanhdao"));

        // Warm-up long enough for tiered compilation to settle: after 50 registrations a profile of the
        // Documents process still spent a fifth of its CPU in the JIT's background tier-up thread,
        // which a long-running service pays once, not per registration.
        var warmupMarker = "W" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await RegisterAsync(http, clerk, warmupMarker, Warmup, clerks);
        // The measured run starts once the warm-up is indexed and counted, so its CPU is not the
        // warm-up's search indexing catching up.
        await UntilAsync(async () => (await GetJsonAsync(http, await leader.GetAsync(), $"/api/documents/search?q={warmupMarker}&pageSize=1")).GetProperty("total").GetInt64() >= Warmup);
        await UntilAsync(async () => (await GetJsonAsync(http, await leader.GetAsync(), "/api/reports/documents")).GetProperty("received").GetInt32() >= Warmup);
        var processes = platform.Running.Where(name => platform.ProcessId(name) is not null)
            .ToDictionary(name => name, name => platform.ProcessId(name)!.Value);
        clerk = await tokens.PasswordAsync("vanthu");
        var before = processes.ToDictionary(p => p.Key, p => ProcessUsage.Read(p.Value));
        var marker = "B" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();
        var watch = Stopwatch.StartNew();
        var latencies = await RegisterAsync(http, clerk, marker, documents, clerks);
        var accepted = watch.Elapsed;
        var atAccepted = processes.ToDictionary(p => p.Key, p => ProcessUsage.Read(p.Value));
        await UntilAsync(async () => (await GetJsonAsync(http, await leader.GetAsync(), $"/api/documents/search?q={marker}&pageSize=1")).GetProperty("total").GetInt64() >= documents);
        await UntilAsync(async () => (await GetJsonAsync(http, await leader.GetAsync(), "/api/reports/documents")).GetProperty("received").GetInt32() >= documents + Warmup);
        var endToEnd = watch.Elapsed;
        var after = processes.ToDictionary(p => p.Key, p => ProcessUsage.Read(p.Value));

        var text = new StringBuilder();
        var storage = postgres is null ? "SQLite (one file each, as make run)" : "PostgreSQL (one database each, the shared test server)";
        text.AppendLine(CultureInfo.InvariantCulture, $"## Platform on {(postgres is null ? "SQLite" : "PostgreSQL")}: incoming documents registered through the gateway");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{documents:N0} registrations (POST /api/documents/incoming) from {clerks} concurrent clients with a clerk's token, after {Warmup} for warm-up; services in Release on {storage}, events over the launcher's own Redis. *End to end* waits until search finds every document and reporting counts every one.");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("|---|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| accepted (201) per second | {documents / accepted.TotalSeconds:N0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| end to end (stored, published, indexed, counted) per second | {documents / endToEnd.TotalSeconds:N0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| request latency p50 / p99 | {Measurement.Percentile(latencies, 0.5):0.0} ms / {Measurement.Percentile(latencies, 0.99):0.0} ms |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"CPU and memory per process (/proc/<pid>/stat and status; 100% = one core): while the registrations were being accepted ({accepted.TotalSeconds:0.0} s), and over the whole measured run until search and reporting had every document ({endToEnd.TotalSeconds:0.0} s; this part includes the benchmark's polling of search and reports). *Per registration* divides the whole run's CPU by the {documents:N0} registrations.");
        text.AppendLine();
        text.AppendLine("| process | CPU while accepting | CPU, whole run | per registration | CPU | resident memory | peak resident |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var name in processes.Keys.Order())
        {
            if (before[name] is not { } start || atAccepted[name] is not { } middle || after[name] is not { } end) continue;
            var accepting = middle.CpuTime - start.CpuTime;
            var cpu = end.CpuTime - start.CpuTime;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {accepting.TotalSeconds:0.0} s | {cpu.TotalSeconds:0.0} s | {cpu.TotalMilliseconds / documents:0.0} ms | {cpu.TotalSeconds / endToEnd.TotalSeconds * 100:0}% | {end.ResidentBytes / 1048576.0:0} MiB | {end.PeakResidentBytes / 1048576.0:0} MiB |");
        }
        text.AppendLine();
        var documentsCpu = after.GetValueOrDefault("documents") is { } last && before.GetValueOrDefault("documents") is { } first
            ? $", documents {(last.CpuTime - first.CpuTime).TotalMilliseconds / documents:0.0} ms CPU per registration"
            : "";
        Console.WriteLine($"Platform: {documents / accepted.TotalSeconds:0} accepted/s, {documents / endToEnd.TotalSeconds:0} end to end/s{documentsCpu}");
        return text.ToString();
    }

    private static async Task<List<double>> RegisterAsync(HttpClient http, string token, string marker, int documents, int clerks)
    {
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Task.WhenAll(Enumerable.Range(0, clerks).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < documents; i = Interlocked.Increment(ref next))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents/incoming")
                {
                    Content = JsonContent.Create(new
                    {
                        issuingBody = "Sở Kế hoạch và Đầu tư",
                        numberAndCode = $"{i + 1}/{marker}-SKHĐT",
                        documentDate = today,
                        documentType = "Công văn",
                        subject = $"Về việc đo thông lượng mã {marker} số {i + 1}: góp ý dự thảo kế hoạch đầu tư công trung hạn",
                        urgency = "Normal",
                        secrecy = "None",
                        pageCount = 2,
                    }),
                }.WithBearer(token);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Registration {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                latencies.Add(Measurement.MillisecondsSince(started));
            }
        })));
        return latencies.ToList();
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path).WithBearer(token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>A token taken again once it is four minutes old, before the realm's five-minute lifetime ends.</summary>
    private sealed class FreshToken(Func<Task<string>> take)
    {
        private string? _token;
        private DateTime _takenAtUtc;

        public async Task<string> GetAsync()
        {
            if (_token is null || DateTime.UtcNow - _takenAtUtc > TimeSpan.FromMinutes(4))
            {
                _token = await take();
                _takenAtUtc = DateTime.UtcNow;
            }
            return _token;
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The platform did not catch up within five minutes.");
            // Each poll is a search and a report query that the services pay for in CPU too; twice a
            // second keeps that small next to the registrations while adding at most half a second.
            await Task.Delay(500);
        }
    }
}
