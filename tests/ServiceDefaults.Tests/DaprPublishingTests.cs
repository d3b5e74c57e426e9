using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests;

/// <summary>The publisher side of the Dapr transport, against a fake sidecar on loopback ports.</summary>
[TestFixture]
public sealed class DaprPublishingTests
{
    private readonly TestDatabase _database = new(TestDatabase.Sqlite);
    private FakeDaprSidecar? _sidecar;

    private FakeDaprSidecar Sidecar => _sidecar!;

    [OneTimeSetUp]
    public async Task StartSidecar()
    {
        await _database.CreateAsync();
        _sidecar = await FakeDaprSidecar.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopSidecar()
    {
        await _database.DropAsync();
        if (_sidecar is not null) await _sidecar.DisposeAsync();
    }

    [Test]
    public async Task Outbox_event_reaches_the_sidecar_as_a_raw_cloud_event_with_our_id()
    {
        using var host = BuildHost(new() { ["DAPR_GRPC_ENDPOINT"] = Sidecar.GrpcEndpoint, ["DAPR_API_TOKEN"] = "to-sidecar" });
        await host.StartAsync();
        var ping = new Ping(Guid.NewGuid(), "gửi qua sidecar");
        Guid eventId;
        using (var scope = host.Services.CreateScope())
        {
            eventId = scope.ServiceProvider.GetRequiredService<Outbox>().Add(ping);
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync();
        }

        var published = await Eventually.Returns(
            () => Task.FromResult(Sidecar.Published.Where(p => CloudEvent.TryParse(p.Data)?.Id == eventId.ToString()).ToList()),
            calls => calls.Count > 0, "the sidecar receives the event");

        var call = published.Single();
        Assert.That(call.PubSubName, Is.EqualTo("platform-pubsub"));
        Assert.That(call.Topic, Is.EqualTo(Ping.Topic));
        Assert.That(call.DataContentType, Is.EqualTo("application/cloudevents+json"));
        Assert.That(call.ApiToken, Is.EqualTo("to-sidecar"));
        var envelope = CloudEvent.TryParse(call.Data)!;
        Assert.That(envelope.Source, Is.EqualTo(TestHosts.AppId));
        Assert.That(envelope.Data.GetProperty("id").GetGuid(), Is.EqualTo(ping.Id));
        await Eventually.True(async () =>
        {
            await using var db = _database.NewContext();
            return (await db.OutboxMessages.SingleAsync(m => m.EventId == eventId)).SentAt is not null;
        }, "the outbox row is marked sent");
        await host.StopAsync();
    }

    [Test]
    public async Task Broker_health_follows_the_sidecars_outbound_health()
    {
        using var healthy = BuildHost(new() { ["DAPR_HTTP_ENDPOINT"] = Sidecar.HttpEndpoint });
        using var missing = BuildHost(new() { ["DAPR_HTTP_ENDPOINT"] = "http://127.0.0.1:1" });

        var up = await healthy.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "broker");
        var down = await missing.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "broker");

        Assert.That(up.Status, Is.EqualTo(HealthStatus.Healthy));
        Assert.That(down.Status, Is.EqualTo(HealthStatus.Unhealthy));
    }

    private IHost BuildHost(Dictionary<string, string?> sidecarSettings)
    {
        var settings = new Dictionary<string, string?>(sidecarSettings)
        {
            ["EventBus:Transport"] = "dapr",
            ["EventBus:PubSubName"] = "platform-pubsub",
            ["EventBus:OutboxPollInterval"] = "00:00:00.200",
        };
        return TestHosts.Build(_database, settings, _ => { });
    }
}
