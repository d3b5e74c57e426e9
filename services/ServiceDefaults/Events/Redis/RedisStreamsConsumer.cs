using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Events.Redis;

/// <summary>
/// Reads this service's topics through its consumer group, the way Dapr's pubsub.redis
/// component does: XGROUP CREATE topic group 0 MKSTREAM, XREADGROUP ... &gt;, XACK once the
/// inbox transaction committed, and XPENDING + XCLAIM for entries a dead consumer left behind.
/// An entry that keeps failing is copied to topic.deadletter and acknowledged.
/// </summary>
/// <remarks>
/// One XREADGROUP ... BLOCK covers all subscribed topics. It runs on a connection of its own
/// (<see cref="RedisBlockingReader"/>): StackExchange.Redis multiplexes every other caller over
/// the shared one, where a blocking read would stall the acks, publishes and cache calls
/// queued behind it. An idle read waits on the server at most
/// <see cref="RedisStreamsOptions.PollInterval"/>, so the reclaim pass still comes round.
/// Entries are handled one at a time, so a topic's events reach the handlers in order, unless
/// <see cref="RedisStreamsOptions.MaxConcurrentDeliveries"/> lets a read batch be delivered
/// concurrently (the reclaim pass stays one at a time: it handles the rare failures).
/// A handler still running after the processing timeout may have its entry reclaimed and run
/// again by another process; the inbox makes that second run change nothing.
/// <para>
/// When the connection to Redis was lost (a read failed, or either connection was established
/// again), entries this consumer had read but not acknowledged are read again at once from its own
/// pending list (XREADGROUP with id 0), instead of waiting out the processing timeout for the
/// reclaim pass: their reply may have been lost with the connection, their ack may not have
/// reached Redis, or their handler may have failed because what it needed went down with Redis.
/// None of them has a handler running: this loop reads again only after every delivery of the
/// previous read has finished, and its consumer name is its process's alone.
/// </para>
/// </remarks>
public sealed partial class RedisStreamsConsumer(
    IConnectionMultiplexer redis,
    IEventDelivery delivery,
    IEnumerable<EventSubscription> subscriptions,
    ServiceInfo service,
    IOptions<EventBusOptions> options,
    IOptions<RedisStreamsOptions> redisOptions,
    TimeProvider clock,
    ILogger<RedisStreamsConsumer> logger) : BackgroundService
{
    private static int _instances;
    private readonly string[] _topics = subscriptions.Select(s => s.Topic).Distinct().ToArray();
    private RedisBlockingReader? _reader;

    // Set at start and whenever the connection to Redis was lost; the loop then reads its own pending entries again.
    private volatile bool _ownPendingToReread = true;

    /// <summary>The consumer group: the service's app id unless EventBus:ConsumerGroup says otherwise.</summary>
    public string Group { get; } = options.Value.ConsumerGroup ?? service.AppId;

    /// <summary>
    /// App id, machine and process id, so the pending list shows which process holds an entry.
    /// A second host in the same process (tests) gets a suffix, so removing one consumer at
    /// shutdown never touches another's pending entries.
    /// </summary>
    public string ConsumerName { get; } = ConsumerNameFor(service.AppId, Interlocked.Increment(ref _instances));

    private EventBusOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_topics.Length == 0) return;
        _reader = new RedisBlockingReader(redis, ConsumerName + "-reader", restored: RereadOwnPendingSoon);
        redis.ConnectionRestored += OnConnectionRestored;
        var db = redis.GetDatabase();
        var groupsReady = false;
        var nextReclaim = clock.GetUtcNow();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!groupsReady)
                {
                    await EnsureGroupsAsync(db);
                    groupsReady = true;
                }
                if (clock.GetUtcNow() >= nextReclaim)
                {
                    await ReclaimAsync(db, stoppingToken);
                    nextReclaim = clock.GetUtcNow() + Options.ReclaimInterval;
                }
                if (_ownPendingToReread)
                {
                    _ownPendingToReread = false;
                    await RereadOwnPendingAsync(db, stoppingToken);
                }
                await ReadNewAsync(db, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (RedisServerException exception) when (exception.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                // The stream or the group was deleted, or Redis lost data: create it again, as Dapr's component does.
                LogGroupMissing(logger, exception, Group);
                groupsReady = false;
            }
            catch (Exception exception)
            {
                failures++;
                LogConsumeFailed(logger, exception, Group);
                RereadOwnPendingSoon();
                // Short and bounded: while Redis is down each read already waits out the command timeout in
                // StackExchange.Redis's backlog, and once it is back a longer sleep only delays the catch-up.
                var backoff = TimeSpan.FromMilliseconds(Math.Min(1_000, 100 * Math.Pow(2, Math.Min(failures, 4))));
                await Task.Delay(backoff, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnConnectionRestored;
        await base.StopAsync(cancellationToken);
        await ForgetThisConsumerAsync();
        if (_reader is not null) await _reader.DisposeAsync();
    }

    private async Task EnsureGroupsAsync(IDatabase db)
    {
        foreach (var topic in _topics)
        {
            try
            {
                // From 0, not $: entries published before the group existed are this service's to handle too.
                await db.StreamCreateConsumerGroupAsync(topic, Group, "0", createStream: true);
            }
            catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
            {
                // Another instance (or an earlier run) created it.
            }
        }
    }

    private async Task ReadNewAsync(IDatabase db, CancellationToken cancellationToken)
    {
        // WaitAsync: a stopping host does not wait for the blocked read; disposing the reader ends it.
        var entries = await _reader!.ReadAsync(Group, ConsumerName, _topics, redisOptions.Value.BatchSize, redisOptions.Value.PollInterval)
            .WaitAsync(cancellationToken);
        var concurrency = redisOptions.Value.MaxConcurrentDeliveries;
        if (concurrency <= 1)
        {
            foreach (var (topic, entry) in entries)
            {
                await HandleEntryAsync(db, topic, entry, deliveries: 1, cancellationToken);
            }
            return;
        }
        // Entries start in stream order, at most `concurrency` at a time. Each is acknowledged by its
        // own HandleEntryAsync; a delivery that fails leaves only its entry pending. If an ack or a
        // dead-letter write throws, the entries not started yet stay pending too and are reclaimed.
        await Parallel.ForEachAsync(entries,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            (item, token) => new ValueTask(HandleEntryAsync(db, item.Topic, item.Entry, deliveries: 1, token)));
    }

    /// <summary>Takes over entries idle longer than the processing timeout, whoever held them.</summary>
    private async Task ReclaimAsync(IDatabase db, CancellationToken cancellationToken)
    {
        var minIdle = (long)Options.ProcessingTimeout.TotalMilliseconds;
        var batch = redisOptions.Value.BatchSize;
        foreach (var topic in _topics)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var pending = await db.StreamPendingMessagesAsync(
                    topic, Group, batch, RedisValue.Null, minId: null, maxId: null, minIdleTimeInMs: minIdle);
                if (pending.Length == 0) break;
                var earlierDeliveries = pending.ToDictionary(p => p.MessageId.ToString(), p => p.DeliveryCount);
                // XCLAIM checks the idle time again, so of two consumers reclaiming at once only one wins an entry.
                var claimed = (await db.StreamClaimAsync(
                        topic, Group, ConsumerName, minIdle, pending.Select(p => p.MessageId).ToArray()))
                    .Where(entry => !entry.IsNull)
                    .ToArray();
                foreach (var entry in claimed)
                {
                    var earlier = earlierDeliveries[entry.Id.ToString()];
                    LogReclaimed(logger, entry.Id.ToString(), topic, earlier);
                    await HandleAgainAsync(db, topic, entry, earlier, cancellationToken);
                }
                var claimedIds = claimed.Select(entry => entry.Id.ToString()).ToHashSet();
                await ForgetVanishedAsync(db, topic, pending.Select(p => p.MessageId).Where(id => !claimedIds.Contains(id.ToString())));
                if (claimed.Length == 0 || pending.Length < batch) break;
            }
        }
    }

    /// <summary>
    /// Reads this consumer's own pending entries again (see the remarks on the class), one at a time
    /// like the reclaim pass, from the oldest; one that fails again stays pending and the pass goes on.
    /// </summary>
    private async Task RereadOwnPendingAsync(IDatabase db, CancellationToken cancellationToken)
    {
        var batch = redisOptions.Value.BatchSize;
        foreach (var topic in _topics)
        {
            var after = "0";
            while (!cancellationToken.IsCancellationRequested)
            {
                var entries = await _reader!.ReadOwnPendingAsync(Group, ConsumerName, topic, after, batch).WaitAsync(cancellationToken);
                if (entries.Count == 0) break;
                LogRereading(logger, entries.Count, topic, ConsumerName);
                // XREADGROUP counted this delivery already: the earlier ones are one fewer.
                var pending = await db.StreamPendingMessagesAsync(
                    topic, Group, entries.Count, ConsumerName, minId: entries[0].Entry.Id, maxId: entries[^1].Entry.Id);
                var deliveries = pending.ToDictionary(p => p.MessageId.ToString(), p => p.DeliveryCount);
                foreach (var (_, entry) in entries)
                {
                    if (entry.Values.Length == 0)
                    {
                        // Deleted from the stream since it was read: nothing is left to deliver.
                        await db.StreamAcknowledgeAsync(topic, Group, entry.Id);
                        continue;
                    }
                    // Missing only if its ack landed meanwhile; the inbox then skips the delivery.
                    var earlier = deliveries.TryGetValue(entry.Id.ToString(), out var count) ? count - 1 : 0;
                    await HandleAgainAsync(db, topic, entry, earlier, cancellationToken);
                }
                after = entries[^1].Entry.Id.ToString();
                if (entries.Count < batch) break;
            }
        }
    }

    /// <summary>An entry delivered <paramref name="earlier"/> times before: once too often, it goes to the dead letters.</summary>
    private Task HandleAgainAsync(IDatabase db, string topic, StreamEntry entry, int earlier, CancellationToken cancellationToken) =>
        earlier >= Options.MaxDeliveryAttempts
            ? DeadLetterAsync(db, topic, entry, earlier, $"not acknowledged after {earlier} deliveries")
            : HandleEntryAsync(db, topic, entry, earlier + 1, cancellationToken);

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => RereadOwnPendingSoon();

    private void RereadOwnPendingSoon() => _ownPendingToReread = true;

    private async Task HandleEntryAsync(IDatabase db, string topic, StreamEntry entry, int deliveries, CancellationToken cancellationToken)
    {
        var data = entry[StreamFields.Data];
        if (data.IsNull)
        {
            await DeadLetterAsync(db, topic, entry, deliveries, "the entry has no data field");
            return;
        }
        DeliveryOutcome outcome;
        try
        {
            outcome = await delivery.DeliverAsync(topic, data.ToString(), cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogDeliveryFailed(logger, exception, entry.Id.ToString(), topic);
            outcome = DeliveryOutcome.Retry;
        }
        switch (outcome)
        {
            case DeliveryOutcome.Success:
                // Not waited for: the next entry need not wait a round trip. An ack that is lost leaves the
                // entry pending; it is reclaimed after the processing timeout and the inbox skips it.
                await db.StreamAcknowledgeAsync(topic, Group, entry.Id, CommandFlags.FireAndForget);
                break;
            case DeliveryOutcome.Drop:
                await DeadLetterAsync(db, topic, entry, deliveries, "rejected: not a CloudEvent, or data of the wrong shape");
                break;
            case DeliveryOutcome.Retry when deliveries >= Options.MaxDeliveryAttempts:
                await DeadLetterAsync(db, topic, entry, deliveries, $"handlers failed on all {deliveries} deliveries");
                break;
            default:
                // Left pending on purpose: the reclaim pass delivers it again after the processing timeout.
                LogWillRetry(logger, entry.Id.ToString(), topic, deliveries, Options.MaxDeliveryAttempts, Options.ProcessingTimeout);
                break;
        }
    }

    private async Task DeadLetterAsync(IDatabase db, string topic, StreamEntry entry, int deliveries, string reason)
    {
        var deadLetterTopic = EventTopics.DeadLetterOf(topic);
        var data = entry[StreamFields.Data];
        // Two commands, not one MULTI: in a Redis cluster the two streams may live on different
        // slots. A crash between them dead-letters the entry twice, never loses it.
        await db.StreamAddAsync(deadLetterTopic,
        [
            new NameValueEntry(StreamFields.Data, data.IsNull ? RedisValue.EmptyString : data),
            new NameValueEntry(StreamFields.OriginalTopic, topic),
            new NameValueEntry(StreamFields.OriginalEntryId, entry.Id),
            new NameValueEntry(StreamFields.ConsumerGroup, Group),
            new NameValueEntry(StreamFields.Attempts, deliveries),
            new NameValueEntry(StreamFields.Reason, reason),
            new NameValueEntry(StreamFields.DeadLetteredAt, clock.GetUtcNow().ToString("O")),
        ]);
        await db.StreamAcknowledgeAsync(topic, Group, entry.Id);
        LogDeadLettered(logger, entry.Id.ToString(), topic, Group, deadLetterTopic, deliveries, reason);
        Telemetry.EventTelemetry.DeadLettered.Add(1, new KeyValuePair<string, object?>("topic", topic));
    }

    /// <summary>
    /// Pending ids XCLAIM did not return were either taken by another consumer or trimmed from
    /// the stream; Redis before 7.0 keeps the trimmed ones pending forever unless acknowledged.
    /// </summary>
    private async Task ForgetVanishedAsync(IDatabase db, string topic, IEnumerable<RedisValue> ids)
    {
        foreach (var id in ids)
        {
            var stillThere = await db.StreamRangeAsync(topic, id, id, 1);
            if (stillThere.Length == 0) await db.StreamAcknowledgeAsync(topic, Group, id);
        }
    }

    /// <summary>A consumer left with nothing pending is only clutter in XINFO CONSUMERS once its process is gone.</summary>
    private async Task ForgetThisConsumerAsync()
    {
        try
        {
            var db = redis.GetDatabase();
            foreach (var topic in _topics)
            {
                var consumers = await db.StreamConsumerInfoAsync(topic, Group);
                if (consumers.Any(c => c.Name == ConsumerName && c.PendingMessageCount == 0))
                {
                    await db.StreamDeleteConsumerAsync(topic, Group, ConsumerName);
                }
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogForgetFailed(logger, exception, ConsumerName);
        }
    }

    private static string ConsumerNameFor(string appId, int instance)
    {
        var name = $"{appId}-{Environment.MachineName}-{Environment.ProcessId}";
        return instance == 1 ? name : $"{name}-{instance}";
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Entry {EntryId} of {Topic} moved to {DeadLetterTopic} for consumer group {Group} after {Deliveries} deliveries: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string entryId, string topic, string group, string deadLetterTopic, int deliveries, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Entry {EntryId} of {Topic} failed on delivery {Deliveries} of {MaxDeliveries}; it is redelivered after {ProcessingTimeout}")]
    private static partial void LogWillRetry(ILogger logger, string entryId, string topic, int deliveries, int maxDeliveries, TimeSpan processingTimeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering entry {EntryId} of {Topic} threw; it will be retried")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string entryId, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reclaimed entry {EntryId} of {Topic}, delivered {Deliveries} times before")]
    private static partial void LogReclaimed(ILogger logger, string entryId, string topic, int deliveries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading again {Count} entries of {Topic} left pending with consumer {Consumer}")]
    private static partial void LogRereading(ILogger logger, int count, string topic, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer group {Group} is missing; creating it again")]
    private static partial void LogGroupMissing(ILogger logger, Exception exception, string group);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the streams of consumer group {Group} failed; retrying")]
    private static partial void LogConsumeFailed(ILogger logger, Exception exception, string group);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not remove consumer {Consumer} at shutdown")]
    private static partial void LogForgetFailed(ILogger logger, Exception exception, string consumer);
}
