using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.AppHost;
using Platform.Benchmarks.Harness;
using Platform.TestSupport;

namespace Platform.Benchmarks.Peers;

/// <summary>
/// The platform's gateway (YARP with its edge: correlation id, security headers, rate limiter,
/// forwarded headers, telemetry) against nginx as a plain reverse proxy, both in front of the
/// same backend, each measured with wrk at 64 connections next to calling the backend directly.
/// Targets of issue 10: the gateway at least as fast as nginx, and under 0.5 ms added at p50.
/// Bare YARP runs alongside, so that YARP itself and the gateway's edge can be told apart.
/// </summary>
public static class GatewayBenchmark
{
    public const int Connections = 64;
    public const double AddedP50TargetMs = 0.5;
    private const string Path = "/bench/van-ban";

    public static async Task<string> RunAsync(string repositoryRoot, TimeSpan duration, int rounds)
    {
        if (!Wrk.Installed || !Nginx.Installed) return "## Gateway\n\nSkipped: wrk or nginx is not installed (`tests/servers.sh install nginx wrk`, which make bench runs).\n";
        var gatewayDll = System.IO.Path.Combine(repositoryRoot, "gateway", "bin", "Release", "net10.0", "Gateway.dll");
        if (!File.Exists(gatewayDll)) return $"## Gateway\n\nSkipped: {gatewayDll} is not built (building tests/Benchmarks in Release builds it).\n";

        var folder = TestServers.TempFolder("bench-gateway");
        await using var backend = await StartBackendAsync(FreePorts.Next());
        var backendUrl = new Uri(backend.Urls.First());
        var nginxPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        await using var nginx = await Nginx.StartAsync(System.IO.Path.Combine(folder, "nginx"), nginxPort, backendUrl);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{gatewayPort}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DataFolder"] = folder,
            ["Identity__Issuer"] = "http://127.0.0.1:1/realms/platform",
            ["Gateway__RequestsPerMinute"] = "1000000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var service in new[] { "documents", "tasks", "portal", "gazette", "reporting" }) environment[$"Services__{service}"] = backendUrl.ToString();
        await using var gateway = ManagedProcess.Start("gateway", "dotnet", [gatewayDll], environment, System.IO.Path.GetDirectoryName(gatewayDll)!, folder);
        var barePort = FreePorts.Next();
        await using var bare = ManagedProcess.Start("bare-yarp", "dotnet", [typeof(BareYarp).Assembly.Location, BareYarp.Verb, barePort.ToString(CultureInfo.InvariantCulture), backendUrl.ToString()],
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, AppContext.BaseDirectory, folder);

        var targets = new (string Name, Uri Url)[]
        {
            ("backend directly", new Uri(backendUrl, Path)),
            ("nginx 1.22 → backend", new Uri($"http://127.0.0.1:{nginxPort}{Path}")),
            ("platform gateway (YARP) → backend", new Uri($"http://127.0.0.1:{gatewayPort}{Path}")),
            ("bare YARP 2.3 → backend", new Uri($"http://127.0.0.1:{barePort}{Path}")),
        };
        foreach (var (name, url) in targets) await WaitAnswersAsync(name, url);

        var measured = targets.ToDictionary(t => t.Name, _ => new List<WrkResult>());
        Console.Write("Gateway (wrk, 64 connections) warm-up");
        foreach (var (_, url) in targets) await Wrk.RunAsync(url, Connections, TimeSpan.FromSeconds(2));
        // Rounds take the three in turn, so a burst of load from others on the shared machine hits all of them alike.
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, url) in targets)
            {
                measured[name].Add(await Wrk.RunAsync(url, Connections, duration));
                Console.Write($" {measured[name][^1].RequestsPerSecond:0}");
            }
        }
        Console.WriteLine();
        return Section(targets.Select(t => (t.Name, Median(measured[t.Name]))).ToArray(), duration, rounds);
    }

    private static WrkResult Median(List<WrkResult> results) => new(
        Measurement.Median(results.Select(r => r.RequestsPerSecond)),
        Measurement.Median(results.Select(r => r.P50Ms)),
        Measurement.Median(results.Select(r => r.P99Ms)),
        results.Sum(r => r.Errors));

    private static string Section((string Name, WrkResult Result)[] rows, TimeSpan duration, int rounds)
    {
        var direct = rows[0].Result;
        var nginx = rows[1].Result;
        var yarp = rows[2].Result;
        var bare = rows[3].Result;
        var text = new StringBuilder();
        text.AppendLine("## Gateway: YARP against nginx");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"wrk -t2 -c{Connections} --latency, GET of a 1 KB JSON answer from one backend (Kestrel, in the benchmark process), {rounds} rounds of {duration.TotalSeconds:0} s taking the three in turn; medians of the rounds.");
        text.AppendLine("nginx: `worker_processes auto`, upstream keepalive, access log off. The gateway: the platform's own (gateway/, Release), with its whole edge in the path");
        text.AppendLine("(correlation id, security headers, rate limiter, forwarded headers, authentication, telemetry). Bare YARP: one catch-all route and nothing else (Peers/BareYarp.cs), so the difference to the gateway is what the edge costs.");
        text.AppendLine();
        text.AppendLine("| path | requests/s | p50 | p99 | added at p50 | errors |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, r) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {r.RequestsPerSecond:N0} | {r.P50Ms:0.000} ms | {r.P99Ms:0.000} ms | {(ReferenceEquals(r, direct) ? "" : $"{r.P50Ms - direct.P50Ms:0.000} ms")} | {r.Errors} |");
        }
        text.AppendLine();
        text.AppendLine("| target | measured | met |");
        text.AppendLine("|---|---:|---|");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| gateway at least as fast as nginx (requests/s) | {yarp.RequestsPerSecond / nginx.RequestsPerSecond:0.00} × nginx | {(yarp.RequestsPerSecond >= nginx.RequestsPerSecond ? "yes" : "no")} |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| gateway adds under {AddedP50TargetMs} ms at p50 | {yarp.P50Ms - direct.P50Ms:0.000} ms | {(yarp.P50Ms - direct.P50Ms < AddedP50TargetMs ? "yes" : "no")} |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| bare YARP at least as fast as nginx (requests/s) | {bare.RequestsPerSecond / nginx.RequestsPerSecond:0.00} × nginx | {(bare.RequestsPerSecond >= nginx.RequestsPerSecond ? "yes" : "no")} |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| bare YARP adds under {AddedP50TargetMs} ms at p50 | {bare.P50Ms - direct.P50Ms:0.000} ms | {(bare.P50Ms - direct.P50Ms < AddedP50TargetMs ? "yes" : "no")} |");
        text.AppendLine();
        text.AppendLine("With wrk, the backend and the proxy on the same two cores, each proxy's time is partly taken from the backend; the ratio between the two proxies is the comparison that holds.");
        text.AppendLine();
        return text.ToString();
    }

    private static async Task WaitAnswersAsync(string name, Uri url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{name} did not answer {url} within a minute.");
            await Task.Delay(200);
        }
    }

    private static async Task<WebApplication> StartBackendAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var body = Encoding.UTF8.GetBytes("{\"items\":[" + string.Join(",", Enumerable.Range(1, 12).Select(i =>
            $"{{\"id\":{i},\"numberAndCode\":\"{i:00}/QĐ-UBND\",\"subject\":\"Về việc ban hành kế hoạch số {i}\"}}")) + "]}");
        app.MapGet("/{**path}", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        return app;
    }
}
