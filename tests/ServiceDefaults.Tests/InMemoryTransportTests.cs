using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.InMemory;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests;

/// <summary>The in-process broker that services' own tests use.</summary>
[TestFixture]
public sealed class InMemoryTransportTests
{
    private readonly TestDatabase _database = new(TestDatabase.Sqlite);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["EventBus:Transport"] = "inmemory",
        ["EventBus:MaxDeliveryAttempts"] = "2",
        ["EventBus:OutboxPollInterval"] = "00:00:00.200",
    };

    [OneTimeSetUp]
    public Task CreateDatabase() => _database.CreateAsync();

    [OneTimeTearDown]
    public Task DropDatabase() => _database.DropAsync();

    [Test]
    public async Task Event_from_the_outbox_reaches_the_handler_through_the_in_memory_broker()
    {
        using var host = TestHosts.Build(_database, Settings, services => services.AddEventHandler<Ping, RecordingHandler>());
        await host.StartAsync();
        var ping = new Ping(Guid.NewGuid(), "trong bộ nhớ");
        Guid eventId;
        using (var scope = host.Services.CreateScope())
        {
            eventId = scope.ServiceProvider.GetRequiredService<Outbox>().Add(ping);
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync();
        }

        var handled = await Eventually.Returns(async () =>
        {
            await using var db = _database.NewContext();
            return await db.HandledEvents.Where(h => h.EventId == eventId.ToString()).ToListAsync();
        }, rows => rows.Count > 0, "the event is handled");

        Assert.That(handled.Single().PingId, Is.EqualTo(ping.Id));
        await host.StopAsync();
    }

    [Test]
    public async Task Event_whose_handler_keeps_failing_goes_to_the_in_memory_dead_letters()
    {
        using var host = TestHosts.Build(_database, Settings, services => services.AddEventHandler<Ping, FailingHandler>());
        await host.StartAsync();
        var json = TestSubscriptions.CloudEventOf(new Ping(Guid.NewGuid(), "hỏng")).ToJson();

        // Published at once after start: the consumer may not have registered yet, and must still get it.
        await host.Services.GetRequiredService<IEventTransport>().PublishAsync(Ping.Topic, json, CancellationToken.None);

        var broker = host.Services.GetRequiredService<InMemoryEventBroker>();
        await Eventually.True(() => Task.FromResult(broker.DeadLetters(Ping.Topic).Contains(json)), "the event is dead-lettered");
        Assert.That(host.Services.GetRequiredService<HandlerProbe>().Calls, Is.EqualTo(2));
        await host.StopAsync();
    }
}
