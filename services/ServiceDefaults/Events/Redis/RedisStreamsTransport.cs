using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Events.Redis;

/// <summary>Publishes a CloudEvent as XADD topic * data &lt;json&gt;, the entry Dapr's Redis component writes.</summary>
public sealed class RedisStreamsTransport(IConnectionMultiplexer redis, IOptions<RedisStreamsOptions> options) : IEventTransport
{
    public Task PublishAsync(string topic, string cloudEventJson, CancellationToken cancellationToken)
    {
        var maxLength = options.Value.MaxLength;
        return redis.GetDatabase().StreamAddAsync(
            topic, StreamFields.Data, cloudEventJson,
            maxLength: maxLength, useApproximateMaxLength: maxLength is not null);
    }
}
