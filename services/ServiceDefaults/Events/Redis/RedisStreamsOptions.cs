namespace Platform.ServiceDefaults.Events.Redis;

/// <summary>Settings of the Redis Streams transport, section "EventBus:Redis".</summary>
public sealed class RedisStreamsOptions
{
    public const string Section = "EventBus:Redis";

    /// <summary>
    /// Approximate cap on each topic's stream (XADD MAXLEN ~). None by default: trimming could
    /// drop entries a slow consumer group has not read yet.
    /// </summary>
    public long? MaxLength { get; set; }

    /// <summary>Entries read per topic in one XREADGROUP.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// Longest an idle read waits on the server for new entries (XREADGROUP BLOCK). New entries
    /// end the wait at once; this only bounds how late the reclaim pass may come round.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Entries of one read batch delivered at the same time. 1 (the default) delivers them one
    /// by one, so a topic's events reach the handlers in order. A service whose handlers do not
    /// care about order may raise it, so that work a handler shares between concurrent callers
    /// (a search index's group commit) is shared. Every entry is still acknowledged only after
    /// its own delivery succeeded; one that fails stays pending for the reclaim pass.
    /// </summary>
    public int MaxConcurrentDeliveries { get; set; } = 1;
}
