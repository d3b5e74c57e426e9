using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Events.Redis;
using Platform.ServiceDefaults.Tests.Support;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// The outbox survives a crash between commit and publish, and the inbox makes a repeated
/// delivery harmless; on SQLite (make run) and PostgreSQL (production), through Redis Streams.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class OutboxInboxTests(string provider)
{
    private readonly TestDatabase _database = new(provider);
    private ConnectionMultiplexer _redis = null!;

    private IDatabase Redis => _redis.GetDatabase();

    [OneTimeSetUp]
    public async Task CreateDatabaseAndConnect()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        await _database.CreateAsync();
    }

    [OneTimeTearDown]
    public async Task DropDatabaseAndDisconnect()
    {
        await _database.DropAsync();
        if (_redis is null) return;
        // The outbox test publishes on Ping's fixed topic; leave no stream behind for the next run.
        await Redis.KeyDeleteAsync(Ping.Topic);
        await _redis.DisposeAsync();
    }

    [Test]
    public async Task Event_committed_before_the_process_died_is_published_after_restart()
    {
        var group = $"group-{Guid.NewGuid():N}";
        var ping = new Ping(Guid.NewGuid(), "ghi sổ rồi mất điện");
        Guid eventId;
        // The first process commits the change and its event, then dies before its dispatcher runs.
        using (var crashed = TestHosts.Build(_database, TestHosts.RedisSettings(group), _ => { }))
        using (var scope = crashed.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Notes.Add(new Note { Id = ping.Id, Text = ping.Text });
            eventId = scope.ServiceProvider.GetRequiredService<Outbox>().Add(ping);
            await db.SaveChangesAsync();
        }
        Assert.That(await SentAtAsync(eventId), Is.Null, "nothing was published before the crash");

        using var restarted = TestHosts.Build(_database, TestHosts.RedisSettings(group),
            services => services.AddHandlerOn<Ping, RecordingHandler>(Ping.Topic));
        await restarted.StartAsync();
        try
        {
            await Eventually.True(async () => await SentAtAsync(eventId) is not null, "the restarted dispatcher marks the row sent");
            var handled = await Eventually.Returns(() => HandledAsync(eventId.ToString()), rows => rows.Count > 0,
                "the published event is handled");
            Assert.That(handled.Single().PingId, Is.EqualTo(ping.Id));
            var published = await Redis.StreamRangeAsync(Ping.Topic);
            Assert.That(published.Count(e => CloudEvent.TryParse(e[StreamFields.Data].ToString())?.Id == eventId.ToString()), Is.EqualTo(1));
        }
        finally
        {
            await restarted.StopAsync();
        }
    }

    [Test]
    public async Task Duplicate_delivery_of_the_same_event_id_changes_nothing()
    {
        var group = $"group-{Guid.NewGuid():N}";
        var topic = TestSubscriptions.UniqueTopic("duplicate");
        using var host = TestHosts.Build(_database, TestHosts.RedisSettings(group),
            services => services.AddHandlerOn<Ping, RecordingHandler>(topic));
        await host.StartAsync();
        try
        {
            var envelope = TestSubscriptions.CloudEventOf(new Ping(Guid.NewGuid(), "twice"));
            var transport = host.Services.GetRequiredService<IEventTransport>();

            // At-least-once: the dispatcher died after publishing but before marking the row sent.
            await transport.PublishAsync(topic, envelope.ToJson(), CancellationToken.None);
            var second = await Redis.StreamAddAsync(topic, StreamFields.Data, envelope.ToJson());

            await Eventually.True(async () =>
            {
                // The group appears once the host's consumer has created it.
                var info = (await Redis.StreamGroupInfoAsync(topic)).FirstOrDefault(g => g.Name == group);
                return info.LastDeliveredId == second.ToString() && info.PendingMessageCount == 0;
            }, "both copies are read and acknowledged");
            Assert.That(await HandledAsync(envelope.Id), Has.Count.EqualTo(1), "the handler's change is made once");
            await using var db = _database.NewContext();
            Assert.That(await db.InboxMessages.CountAsync(m => m.EventId == envelope.Id), Is.EqualTo(1), "one inbox row");
            Assert.That(host.Services.GetRequiredService<HandlerProbe>().Calls, Is.EqualTo(1), "the handler ran once");
        }
        finally
        {
            await host.StopAsync();
            await Redis.KeyDeleteAsync(topic);
        }
    }

    [Test]
    public async Task Only_a_commit_that_wrote_to_the_outbox_wakes_the_dispatcher()
    {
        // Not started: no dispatcher takes the signal, so the test reads it as the dispatcher would.
        using var host = TestHosts.Build(_database, TestHosts.RedisSettings($"group-{Guid.NewGuid():N}"), _ => { });
        var signal = host.Services.GetRequiredService<OutboxSignal>();
        while (await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None)) { }

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "không có sự kiện" });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        Assert.That(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None), Is.False, "a commit with no event leaves the dispatcher asleep");

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var ping = new Ping(Guid.NewGuid(), "có sự kiện");
            db.Notes.Add(new Note { Id = ping.Id, Text = ping.Text });
            scope.ServiceProvider.GetRequiredService<Outbox>().Add(ping);
            await db.SaveChangesAsync();
            Assert.That(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None), Is.False, "rows not committed yet are not worth a look");
            await transaction.CommitAsync();
        }
        Assert.That(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None), Is.True, "the commit of an event wakes the dispatcher");

        using (var scope = host.Services.CreateScope())
        {
            var ping = new Ping(Guid.NewGuid(), "không giao dịch tường minh");
            scope.ServiceProvider.GetRequiredService<Outbox>().Add(ping);
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync();
        }
        Assert.That(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None), Is.True, "SaveChanges on its own commits, and wakes it too");
    }

    private async Task<DateTime?> SentAtAsync(Guid eventId)
    {
        await using var db = _database.NewContext();
        return (await db.OutboxMessages.SingleAsync(m => m.EventId == eventId)).SentAt;
    }

    private async Task<List<HandledEvent>> HandledAsync(string eventId)
    {
        await using var db = _database.NewContext();
        return await db.HandledEvents.Where(h => h.EventId == eventId).ToListAsync();
    }
}
