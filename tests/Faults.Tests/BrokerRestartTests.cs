using System.Net;
using Platform.AppHost;
using Platform.TestSupport;

namespace Platform.Faults.Tests;

/// <summary>Redis (AOF on) stopped, or killed, and started again while the office works.</summary>
[Order(2)]
public sealed class BrokerRestartTests
{
    private static readonly string[] Services = ["documents", "tasks", "portal", "gazette", "reporting"];

    [Test]
    public async Task While_Redis_is_down_services_are_not_ready_and_afterwards_recover_with_nothing_lost()
    {
        var marker = Marker.New("R");
        var load = new OfficeLoad(FaultyPlatform.Client, marker, FaultyPlatform.Load);
        var sawNotReady = new Dictionary<string, HttpStatusCode>();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        await load.RunAsync([async () =>
        {
            await FaultyPlatform.Platform.StopAsync(PlatformLauncher.RedisAppId);
            foreach (var service in Services)
            {
                var status = await Eventually.UntilAsync(() => ReadinessAsync(probe, service), s => s != HttpStatusCode.OK,
                    TimeSpan.FromSeconds(30), $"{service} to report not ready without its broker");
                sawNotReady[service] = status;
            }
            var restarted = System.Diagnostics.Stopwatch.StartNew();
            await FaultyPlatform.Platform.RestartAsync(PlatformLauncher.RedisAppId, FaultyPlatform.ReadyTimeout, CancellationToken.None);
            await WaitAllReadyAsync(probe);
            TestContext.Progress.WriteLine($"Redis restarted: every service ready {restarted.Elapsed.TotalSeconds:F1} s after the restart began");
        }]);

        Assert.That(sawNotReady.Values, Is.All.EqualTo(HttpStatusCode.ServiceUnavailable));
        await Reconciliation.AssertNothingLostNorDoubledAsync(load.Ledger, marker);
    }

    /// <summary>
    /// kill -9 gives Redis no chance to flush anything: what it answered before must come back from the AOF
    /// alone. Every stream entry counted just before the kill is still there after the restart, and every
    /// accepted request's events reach every consumer exactly once. The platform's Redis fsyncs the AOF
    /// before answering (<see cref="RedisServer.AppendFsync"/>); with "everysec" this test would still pass
    /// on most runs (the kernel keeps what Redis wrote), which is why the setting itself is checked too.
    /// </summary>
    [Test]
    public async Task Redis_killed_with_SIGKILL_under_load_returns_every_answered_write_from_its_AOF()
    {
        var redis = FaultyPlatform.Platform.RedisConnection;
        Assert.That(await RedisServer.CommandAsync(redis, ["CONFIG", "GET", "appendfsync"], CancellationToken.None),
            Does.Contain(RedisServer.AppendFsync), "the platform's Redis fsyncs its AOF before answering");
        var marker = Marker.New("S");
        var load = new OfficeLoad(FaultyPlatform.Client, marker, FaultyPlatform.Load);
        long beforeKill = 0, afterRestart = 0;
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        await load.RunAsync([async () =>
        {
            beforeKill = await StreamEntriesAsync(redis);
            var outage = System.Diagnostics.Stopwatch.StartNew();
            FaultyPlatform.Platform.Kill(PlatformLauncher.RedisAppId);
            await FaultyPlatform.Platform.RestartAsync(PlatformLauncher.RedisAppId, FaultyPlatform.ReadyTimeout, CancellationToken.None);
            var redisBack = outage.Elapsed;
            afterRestart = await StreamEntriesAsync(redis);
            await WaitAllReadyAsync(probe);
            TestContext.Progress.WriteLine($"Redis killed: answering again after {redisBack.TotalSeconds:F1} s (AOF replayed), every service ready after {outage.Elapsed.TotalSeconds:F1} s");
        }]);

        Assert.That(beforeKill, Is.GreaterThan(0), "events were on the streams when Redis was killed");
        Assert.That(afterRestart, Is.GreaterThanOrEqualTo(beforeKill), "every stream entry Redis had answered came back from the AOF");
        await Reconciliation.AssertNothingLostNorDoubledAsync(load.Ledger, marker);
    }

    /// <summary>Entries over every stream (the event topics, their dead letters): only ever added during a test.</summary>
    private static async Task<long> StreamEntriesAsync(string redis)
    {
        const string script = "local n = 0 for _, k in ipairs(redis.call('KEYS', '*')) do "
            + "if redis.call('TYPE', k).ok == 'stream' then n = n + redis.call('XLEN', k) end end return n";
        var reply = await RedisServer.CommandAsync(redis, ["EVAL", script, "0"], CancellationToken.None);
        Assert.That(reply, Does.StartWith(":"), "EVAL answered a count");
        return long.Parse(reply.AsSpan(1).TrimEnd("\r\n"), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every service ready again by itself, all watched at once so that one slow to return does not hide another's time.</summary>
    private static Task WaitAllReadyAsync(HttpClient probe) => Task.WhenAll(Services.Select(service =>
        Eventually.UntilAsync(() => ReadinessAsync(probe, service), s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), $"{service} to be ready again by itself once Redis is back")));

    private static async Task<HttpStatusCode> ReadinessAsync(HttpClient http, string service)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(FaultyPlatform.Platform.Component(service).Url, "/health/ready"));
            return response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }
}
