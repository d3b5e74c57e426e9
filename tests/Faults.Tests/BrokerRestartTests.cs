using System.Net;
using Platform.AppHost;
using Platform.TestSupport;

namespace Platform.Faults.Tests;

/// <summary>Redis (AOF on) stopped and started again while the office works.</summary>
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
            await FaultyPlatform.Platform.RestartAsync(PlatformLauncher.RedisAppId, FaultyPlatform.ReadyTimeout, CancellationToken.None);
            foreach (var service in Services)
            {
                await Eventually.UntilAsync(() => ReadinessAsync(probe, service), s => s == HttpStatusCode.OK,
                    TimeSpan.FromSeconds(60), $"{service} to be ready again by itself once Redis is back");
            }
        }]);

        Assert.That(sawNotReady.Values, Is.All.EqualTo(HttpStatusCode.ServiceUnavailable));
        await Reconciliation.AssertNothingLostNorDoubledAsync(load.Ledger, marker);
    }

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
