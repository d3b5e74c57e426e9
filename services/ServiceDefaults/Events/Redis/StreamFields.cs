namespace Platform.ServiceDefaults.Events.Redis;

/// <summary>
/// Field names of stream entries. "data" is the one Dapr's pubsub.redis component writes and
/// reads; the dead-letter fields are ours and are ignored by a Dapr subscriber.
/// </summary>
public static class StreamFields
{
    public const string Data = "data";
    public const string OriginalTopic = "originalTopic";
    public const string OriginalEntryId = "originalEntryId";
    public const string ConsumerGroup = "consumerGroup";
    public const string Attempts = "attempts";
    public const string Reason = "reason";
    public const string DeadLetteredAt = "deadLetteredAt";
}
