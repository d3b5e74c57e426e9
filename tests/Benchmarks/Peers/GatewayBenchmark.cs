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

    /// <summary>The warm-up runs in slices of this length; the first one is reported.</summary>
    private static readonly TimeSpan WarmUpSlice = TimeSpan.FromSeconds(5);

    public static async Task<string> RunAsync(string repositoryRoot, TimeSpan duration, int rounds, TimeSpan warmUp)
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
        };
        foreach (var service in new[] { "documents", "tasks", "portal", "gazette", "reporting" }) environment[$"Services__{service}"] = backendUrl.ToString();
        await using var gateway = ManagedProcess.Start("gateway", "dotnet", [gatewayDll], environment, System.IO.Path.GetDirectoryName(gatewayDll)!, folder);
        var barePort = FreePorts.Next();
        // Bare YARP runs from the benchmark's own build under the gateway's runtimeconfig, so that the
        // two YARPs differ only by the edge.
        await using var bare = ManagedProcess.Start("bare-yarp", "dotnet",
            ServiceRuntime.ExecArguments(System.IO.Path.ChangeExtension(gatewayDll, ".runtimeconfig.json"), BareYarp.Verb, barePort.ToString(CultureInfo.InvariantCulture), backendUrl.ToString()),
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, AppContext.BaseDirectory, folder);

        // What serves each path: CPU time of the proxy (nginx with its workers) and of the backend (this process).
        var self = Environment.ProcessId;
        var targets = new (string Name, Uri Url, int? Proxy)[]
        {
            ("backend directly", new Uri(backendUrl, Path), null),
            ("nginx 1.22 → backend", new Uri($"http://127.0.0.1:{nginxPort}{Path}"), nginx.Id),
            ("platform gateway (YARP) → backend", new Uri($"http://127.0.0.1:{gatewayPort}{Path}"), gateway.Id),
            ("bare YARP 2.3 → backend", new Uri($"http://127.0.0.1:{barePort}{Path}"), bare.Id),
        };
        foreach (var (name, url, _) in targets) await WaitAnswersAsync(name, url);

        // Each path is loaded for a while before it is measured: a .NET proxy under full load reaches its
        // steady state only after the JIT has recompiled its hot path at its final tier, which on two busy
        // cores took 30 to 40 s for the gateway (its first 8 s ran at a third of its later rate). What the
        // first slice served is kept, as what a freshly started process gives.
        var firstSlice = new Dictionary<string, double>();
        Console.Write($"Gateway (wrk, {Connections} connections) warm-up, {warmUp.TotalSeconds:0} s each:");
        foreach (var (name, url, _) in targets)
        {
            var last = 0.0;
            for (var loaded = TimeSpan.Zero; loaded < warmUp; loaded += WarmUpSlice)
            {
                last = (await Wrk.RunAsync(url, Connections, WarmUpSlice)).RequestsPerSecond;
                firstSlice.TryAdd(name, last);
            }
            Console.Write($" {firstSlice[name]:0}→{last:0}");
        }
        Console.Write(" rounds:");

        var measured = targets.ToDictionary(t => t.Name, _ => new List<Round>());
        // Rounds take the four in turn, so a burst of load from others on the shared machine hits all of them alike.
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, url, proxy) in targets)
            {
                var proxyBefore = proxy is { } p ? ProcessUsage.CpuTimeWithChildren(p) : null;
                // Only this process: wrk and the proxies are its children.
                var backendBefore = ProcessUsage.Read(self)?.CpuTime;
                var result = await Wrk.RunAsync(url, Connections, duration);
                var proxyAfter = proxy is { } q ? ProcessUsage.CpuTimeWithChildren(q) : null;
                var backendAfter = ProcessUsage.Read(self)?.CpuTime;
                measured[name].Add(new Round(result,
                    MicrosecondsPerRequest(proxyBefore, proxyAfter, result.Requests),
                    MicrosecondsPerRequest(backendBefore, backendAfter, result.Requests)));
                Console.Write($" {result.RequestsPerSecond:0}");
            }
        }
        Console.WriteLine();
        return Section(targets.Select(t => (t.Name, Median(measured[t.Name]), firstSlice[t.Name])).ToArray(), duration, rounds, warmUp);
    }

    /// <summary>One wrk run and the CPU time the proxy and the backend spent per request in it.</summary>
    private sealed record Round(WrkResult Wrk, double? ProxyCpuUs, double? BackendCpuUs);

    private static double? MicrosecondsPerRequest(TimeSpan? before, TimeSpan? after, long requests) =>
        before is { } b && after is { } a && requests > 0 ? (a - b).TotalMicroseconds / requests : null;

    private static Round Median(List<Round> rounds) => new(
        new WrkResult(
            Measurement.Median(rounds.Select(r => r.Wrk.RequestsPerSecond)),
            Measurement.Median(rounds.Select(r => r.Wrk.P50Ms)),
            Measurement.Median(rounds.Select(r => r.Wrk.P99Ms)),
            rounds.Sum(r => r.Wrk.Errors),
            rounds.Sum(r => r.Wrk.Requests)),
        rounds.All(r => r.ProxyCpuUs is not null) ? Measurement.Median(rounds.Select(r => r.ProxyCpuUs!.Value)) : null,
        rounds.All(r => r.BackendCpuUs is not null) ? Measurement.Median(rounds.Select(r => r.BackendCpuUs!.Value)) : null);

    private static string Section((string Name, Round Round, double FirstSliceRate)[] rows, TimeSpan duration, int rounds, TimeSpan warmUp)
    {
        var direct = rows[0].Round.Wrk;
        var nginx = rows[1].Round.Wrk;
        var yarp = rows[2].Round.Wrk;
        var bare = rows[3].Round.Wrk;
        var text = new StringBuilder();
        text.AppendLine("## Gateway: YARP against nginx");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"wrk -t2 -c{Connections} --latency, GET of a 1 KB JSON answer from one backend (Kestrel, in the benchmark process). Each path is first loaded for {warmUp.TotalSeconds:0} s (its first {WarmUpSlice.TotalSeconds:0} s after start are shown apart), then {rounds} rounds of {duration.TotalSeconds:0} s take the four in turn; medians of the rounds.");
        text.AppendLine("nginx: `worker_processes auto` (one per core), upstream keepalive, access log off. The gateway: the platform's own (gateway/, Release, its own appsettings), with its whole edge in the path");
        text.AppendLine("(correlation id, security headers, rate limiter, forwarded headers, body limit, authentication where a route needs it). Bare YARP: one catch-all route and nothing else (Peers/BareYarp.cs), with the gateway's GC settings, so the difference to the gateway is what the edge costs.");
        text.AppendLine("CPU per request: the proxy's user+system time (nginx: master and workers) and the backend's, over the requests wrk completed; unlike the rates, it hardly moves with other load on the machine.");
        text.AppendLine();
        text.AppendLine($"| path | requests/s | p50 | p99 | added at p50 | proxy CPU/request | backend CPU/request | errors | requests/s in the first {WarmUpSlice.TotalSeconds:0} s after start |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, round, firstSliceRate) in rows)
        {
            var r = round.Wrk;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {r.RequestsPerSecond:N0} | {r.P50Ms:0.000} ms | {r.P99Ms:0.000} ms | {(ReferenceEquals(r, direct) ? "" : $"{r.P50Ms - direct.P50Ms:0.000} ms")} | {Microseconds(round.ProxyCpuUs)} | {Microseconds(round.BackendCpuUs)} | {r.Errors} | {firstSliceRate:N0} |");
        }
        text.AppendLine();
        text.AppendLine("| target | measured | met |");
        text.AppendLine("|---|---:|---|");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| gateway at least as fast as nginx (requests/s) | {yarp.RequestsPerSecond / nginx.RequestsPerSecond:0.00} × nginx | {(yarp.RequestsPerSecond >= nginx.RequestsPerSecond ? "yes" : "no")} |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| gateway adds under {AddedP50TargetMs} ms at p50 | {yarp.P50Ms - direct.P50Ms:0.000} ms | {(yarp.P50Ms - direct.P50Ms < AddedP50TargetMs ? "yes" : "no")} |");
        if (rows[1].Round.ProxyCpuUs is { } nginxCpu && rows[2].Round.ProxyCpuUs is { } gatewayCpu && rows[3].Round.ProxyCpuUs is { } bareCpu)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| gateway CPU per request at most nginx's (the rate the two cores allow) | {gatewayCpu / nginxCpu:0.00} × nginx (bare YARP {bareCpu / nginxCpu:0.00} ×) | {(gatewayCpu <= nginxCpu ? "yes" : "no")} |");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| bare YARP at least as fast as nginx (requests/s) | {bare.RequestsPerSecond / nginx.RequestsPerSecond:0.00} × nginx | {(bare.RequestsPerSecond >= nginx.RequestsPerSecond ? "yes" : "no")} |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| bare YARP adds under {AddedP50TargetMs} ms at p50 | {bare.P50Ms - direct.P50Ms:0.000} ms | {(bare.P50Ms - direct.P50Ms < AddedP50TargetMs ? "yes" : "no")} |");
        text.AppendLine();
        text.AppendLine("With wrk, the backend and the proxy on the same two cores, each proxy's time is partly taken from the backend; the ratio between the two proxies is the comparison that holds.");
        text.AppendLine();
        return text.ToString();
    }

    private static string Microseconds(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.0} µs") : "";

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
