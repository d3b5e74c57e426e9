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
        await using var platform = await PlatformLauncher.StartAsync(settings, TimeSpan.FromSeconds(180), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = settings.GatewayUrl, Timeout = TimeSpan.FromSeconds(60) };
        var tokens = new RealmTokens(http, new Uri(settings.Issuer));
        var clerk = await tokens.PasswordAsync("vanthu");
        var leader = await tokens.PasswordAsync("lanhdao");

        await RegisterAsync(http, clerk, "W" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), 50, clerks); // warm-up
        var processes = platform.Running.Where(name => platform.ProcessId(name) is not null)
            .ToDictionary(name => name, name => platform.ProcessId(name)!.Value);
        var before = processes.ToDictionary(p => p.Key, p => ProcessUsage.Read(p.Value));
        var marker = "B" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();
        var watch = Stopwatch.StartNew();
        var latencies = await RegisterAsync(http, clerk, marker, documents, clerks);
        var accepted = watch.Elapsed;
        await UntilAsync(async () => (await GetJsonAsync(http, leader, $"/api/documents/search?q={marker}&pageSize=1")).GetProperty("total").GetInt64() >= documents);
        await UntilAsync(async () => (await GetJsonAsync(http, leader, "/api/reports/documents")).GetProperty("received").GetInt32() >= documents + 50);
        var endToEnd = watch.Elapsed;
        var after = processes.ToDictionary(p => p.Key, p => ProcessUsage.Read(p.Value));

        var text = new StringBuilder();
        text.AppendLine("## Platform: incoming documents registered through the gateway");
        text.AppendLine();
        var storage = postgres is null ? "SQLite" : "PostgreSQL (one database each, the shared test server)";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{documents:N0} registrations (POST /api/documents/incoming) from {clerks} concurrent clients with a clerk's token, after 50 for warm-up; services in Release on {storage}, events over the launcher's own Redis. *End to end* waits until search finds every document and reporting counts every one.");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("|---|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| accepted (201) per second | {documents / accepted.TotalSeconds:N0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| end to end (stored, published, indexed, counted) per second | {documents / endToEnd.TotalSeconds:N0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| request latency p50 / p99 | {Measurement.Percentile(latencies, 0.5):0.0} ms / {Measurement.Percentile(latencies, 0.99):0.0} ms |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"CPU and memory per process over the {endToEnd.TotalSeconds:0.0} s of the measured run (/proc/<pid>/stat and status; 100% = one core):");
        text.AppendLine();
        text.AppendLine("| process | CPU time | CPU | resident memory | peak resident |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var name in processes.Keys.Order())
        {
            if (before[name] is not { } start || after[name] is not { } end) continue;
            var cpu = end.CpuTime - start.CpuTime;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {cpu.TotalSeconds:0.0} s | {cpu.TotalSeconds / endToEnd.TotalSeconds * 100:0}% | {end.ResidentBytes / 1048576.0:0} MiB | {end.PeakResidentBytes / 1048576.0:0} MiB |");
        }
        text.AppendLine();
        Console.WriteLine($"Platform: {documents / accepted.TotalSeconds:0} accepted/s, {documents / endToEnd.TotalSeconds:0} end to end/s");
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

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The platform did not catch up within five minutes.");
            await Task.Delay(100);
        }
    }
}
