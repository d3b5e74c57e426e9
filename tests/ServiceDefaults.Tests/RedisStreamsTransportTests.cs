using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.Redis;
using Platform.ServiceDefaults.Tests.Support;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Tests;

/// <summary>The Redis Streams transport against a real Redis, speaking the stream format of Dapr's pubsub.redis.</summary>
[TestFixture]
public sealed class RedisStreamsTransportTests() : RedisStreamsFixture(TestDatabase.Sqlite)
{
    [Test]
    public async Task Published_event_reaches_the_handler_and_is_acknowledged()
    {
        var (topic, group) = NewTopicAndGroup("roundtrip");
        var host = await StartHostAsync(group, services => services.AddHandlerOn<Ping, RecordingHandler>(topic));
        var ping = new Ping(Guid.NewGuid(), "xin chào");
        var envelope = TestSubscriptions.CloudEventOf(ping);

        await host.Services.GetRequiredService<IEventTransport>().PublishAsync(topic, envelope.ToJson(), CancellationToken.None);

        var handled = await HandledAsync(envelope.Id, count => count == 1);
        Assert.That(handled.Single().PingId, Is.EqualTo(ping.Id));
        var entry = (await Redis.StreamRangeAsync(topic)).Single();
        Assert.That(entry.Values.Select(v => v.Name.ToString()), Is.EqualTo(new[] { "data" }), "the entry carries only Dapr's data field");
        Assert.That(CloudEvent.TryParse(entry[StreamFields.Data].ToString())!.Id, Is.EqualTo(envelope.Id));
        await Eventually.True(async () => (await Redis.StreamPendingAsync(topic, group)).PendingMessageCount == 0, "the entry is acknowledged");
    }

    [Test]
    public async Task Entry_left_unacknowledged_by_a_dead_consumer_is_reclaimed_and_handled_once()
    {
        var (topic, group) = NewTopicAndGroup("reclaim");
        await Redis.StreamCreateConsumerGroupAsync(topic, group, "0", createStream: true);
        var envelope = TestSubscriptions.CloudEventOf(new Ping(Guid.NewGuid(), "orphan"));
        await Redis.StreamAddAsync(topic, StreamFields.Data, envelope.ToJson());
        // A consumer reads the entry and dies before acknowledging it.
        var taken = await Redis.StreamReadGroupAsync(topic, group, "dead-consumer", StreamPosition.NewMessages, count: 1);
        Assert.That(taken, Has.Length.EqualTo(1));

        var logs = new CapturedLogs();
        await StartHostAsync(group, services => services.AddHandlerOn<Ping, RecordingHandler>(topic), logs);

        await HandledAsync(envelope.Id, count => count == 1);
        await Eventually.True(async () => (await Redis.StreamPendingAsync(topic, group)).PendingMessageCount == 0,
            "the reclaimed entry is acknowledged");
        // Give a second reclaim a chance to happen, then check nothing ran twice.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That(await HandledCountAsync(envelope.Id), Is.EqualTo(1));
        Assert.That(logs.At(LogLevel.Information).Any(m => m.Contains("Reclaimed entry")), Is.True);
    }

    [Test]
    public async Task Entry_held_by_a_host_stopped_mid_handler_is_handled_once_by_the_next_host()
    {
        var (topic, group) = NewTopicAndGroup("stopped");
        var stall = new Stall(enabled: true);
        var dying = await StartHostAsync(group, services => services
            .AddSingleton(stall)
            .AddHandlerOn<Ping, StallingHandler>(topic));
        var envelope = TestSubscriptions.CloudEventOf(new Ping(Guid.NewGuid(), "dở dang"));
        await Redis.StreamAddAsync(topic, StreamFields.Data, envelope.ToJson());
        await stall.Reached.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await dying.StopAsync();
        var pending = await Redis.StreamPendingAsync(topic, group);
        Assert.That(pending.PendingMessageCount, Is.EqualTo(1), "the stopped host left the entry pending");
        Assert.That(await HandledCountAsync(envelope.Id), Is.Zero, "its half-done transaction rolled back");

        var next = await StartHostAsync(group, services => services
            .AddSingleton(new Stall(enabled: false))
            .AddHandlerOn<Ping, StallingHandler>(topic));

        await HandledAsync(envelope.Id, count => count == 1);
        await Eventually.True(async () => (await Redis.StreamPendingAsync(topic, group)).PendingMessageCount == 0,
            "the next host acknowledges it");
        Assert.That(next.Services.GetRequiredService<HandlerProbe>().Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task Poison_message_lands_on_the_dead_letter_stream_after_the_attempt_limit()
    {
        var (topic, group) = NewTopicAndGroup("poison");
        var logs = new CapturedLogs();
        var host = await StartHostAsync(group, services => services.AddHandlerOn<Ping, FailingHandler>(topic), logs);
        var json = TestSubscriptions.CloudEventOf(new Ping(Guid.NewGuid(), "poison")).ToJson();
        var entryId = await Redis.StreamAddAsync(topic, StreamFields.Data, json);

        var deadLetter = await DeadLetterAsync(topic);

        Assert.That(deadLetter[StreamFields.Data].ToString(), Is.EqualTo(json), "the original payload, byte for byte");
        Assert.That(deadLetter[StreamFields.OriginalTopic].ToString(), Is.EqualTo(topic));
        Assert.That(deadLetter[StreamFields.OriginalEntryId].ToString(), Is.EqualTo(entryId.ToString()));
        Assert.That(deadLetter[StreamFields.ConsumerGroup].ToString(), Is.EqualTo(group));
        Assert.That((int)deadLetter[StreamFields.Attempts], Is.EqualTo(3));
        Assert.That(host.Services.GetRequiredService<HandlerProbe>().Calls, Is.EqualTo(3));
        // The dead-letter XADD and the XACK are two commands: the ack may land just after.
        await Eventually.True(async () => (await Redis.StreamPendingAsync(topic, group)).PendingMessageCount == 0,
            "dead-lettered entries are acknowledged");
        // Logged after the ack, so it too may trail the dead-letter entry by a moment.
        await Eventually.True(() => Task.FromResult(logs.At(LogLevel.Error).Any(m => m.Contains(EventTopics.DeadLetterOf(topic)))),
            "the failure is logged as an error");
    }

    [TestCase("this is not json", TestName = "Entry_that_is_not_a_CloudEvent_is_dead_lettered_at_once")]
    [TestCase("""{"specversion":"1.0","id":"x-1","source":"tests","type":"Ping","data":{"id":"not-a-guid","text":1}}""",
        TestName = "Entry_whose_data_has_the_wrong_shape_is_dead_lettered_at_once")]
    public async Task Undeliverable_entry_is_dead_lettered_without_retries(string data)
    {
        var (topic, group) = NewTopicAndGroup("malformed");
        var host = await StartHostAsync(group, services => services.AddHandlerOn<Ping, RecordingHandler>(topic));
        await Redis.StreamAddAsync(topic, StreamFields.Data, data);

        var deadLetter = await DeadLetterAsync(topic);

        Assert.That(deadLetter[StreamFields.Data].ToString(), Is.EqualTo(data));
        Assert.That((int)deadLetter[StreamFields.Attempts], Is.EqualTo(1));
        Assert.That(host.Services.GetRequiredService<HandlerProbe>().Calls, Is.Zero);
    }

    [TestCase(false, TestName = "Entry_written_by_Daprs_redis_component_is_consumed")]
    [TestCase(true, TestName = "Entry_written_by_Daprs_redis_component_with_metadata_is_consumed")]
    public async Task Entry_in_Daprs_format_is_consumed(bool withMetadataField)
    {
        var (topic, group) = NewTopicAndGroup("dapr-format");
        await StartHostAsync(group, services => services.AddHandlerOn<Ping, RecordingHandler>(topic));
        var pingId = Guid.NewGuid();
        var eventId = Guid.NewGuid().ToString();
        // What a sidecar writes for PublishEventAsync("pubsub", topic, new { id, text }) from app "documents".
        var daprCloudEvent = $$"""
            {"data":{"id":"{{pingId}}","text":"từ Dapr"},"datacontenttype":"application/json","id":"{{eventId}}",
             "pubsubname":"pubsub","source":"documents","specversion":"1.0","time":"2025-05-01T08:30:00+07:00",
             "topic":"{{topic}}","traceid":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
             "traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01","tracestate":"",
             "type":"com.dapr.event.sent"}
            """;
        NameValueEntry[] fields = withMetadataField
            ? [new("data", daprCloudEvent), new("metadata", """{"rawPayload":"false"}""")]
            : [new("data", daprCloudEvent)];

        await Redis.StreamAddAsync(topic, fields);

        var handled = (await HandledAsync(eventId, count => count == 1)).Single();
        Assert.That(handled.PingId, Is.EqualTo(pingId));
        Assert.That(handled.Text, Is.EqualTo("từ Dapr"));
        Assert.That(handled.Source, Is.EqualTo("documents"));
        Assert.That(handled.Topic, Is.EqualTo(topic));
        await Eventually.True(async () => (await Redis.StreamPendingAsync(topic, group)).PendingMessageCount == 0, "the entry is acknowledged");
    }

    [Test]
    public async Task Broker_health_check_pings_redis()
    {
        var (_, group) = NewTopicAndGroup("health");
        var host = await StartHostAsync(group, _ => { });

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.That(report.Entries["broker"].Status, Is.EqualTo(HealthStatus.Healthy), report.Entries["broker"].Description);
        Assert.That(host.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected, Is.True);
    }

    private async Task<StreamEntry> DeadLetterAsync(string topic) =>
        (await Eventually.Returns(
            () => Redis.StreamRangeAsync(EventTopics.DeadLetterOf(topic)),
            entries => entries.Length > 0,
            $"an entry lands on {EventTopics.DeadLetterOf(topic)}")).Single();

    private Task<List<HandledEvent>> HandledAsync(string eventId, Func<int, bool> done) =>
        Eventually.Returns(
            async () =>
            {
                await using var db = Database.NewContext();
                return await db.HandledEvents.Where(h => h.EventId == eventId).ToListAsync();
            },
            rows => done(rows.Count),
            $"event {eventId} is handled");

    private async Task<int> HandledCountAsync(string eventId)
    {
        await using var db = Database.NewContext();
        return await db.HandledEvents.CountAsync(h => h.EventId == eventId);
    }
}
