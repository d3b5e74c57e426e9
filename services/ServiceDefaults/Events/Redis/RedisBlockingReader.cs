using StackExchange.Redis;

namespace Platform.ServiceDefaults.Events.Redis;

/// <summary>
/// XREADGROUP ... BLOCK on a connection of the consumer's own. A blocking read on the shared
/// multiplexer would hold up every ack, publish and cache call queued behind it; on its own
/// connection it only waits for the next entry, which then arrives within a round trip
/// instead of after a poll interval.
/// </summary>
public sealed class RedisBlockingReader(IConnectionMultiplexer shared, string clientName) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;

    /// <summary>New entries (id "&gt;") of the topics for this consumer; empty when none came within <paramref name="block"/>.</summary>
    public async Task<IReadOnlyList<(string Topic, StreamEntry Entry)>> ReadAsync(
        string group, string consumer, IReadOnlyList<string> topics, int count, TimeSpan block)
    {
        var connection = await ConnectionAsync();
        var arguments = new List<object>
        {
            "GROUP", group, consumer, "COUNT", count, "BLOCK", (long)block.TotalMilliseconds, "STREAMS",
        };
        arguments.AddRange(topics);
        arguments.AddRange(topics.Select(_ => (object)">"));
        var result = await connection.GetDatabase().ExecuteAsync("XREADGROUP", arguments);
        var read = new List<(string, StreamEntry)>();
        if (result.IsNull) return read;
        foreach (var stream in (RedisResult[])result!)
        {
            var parts = (RedisResult[])stream!;
            var topic = (string)parts[0]!;
            foreach (var item in (RedisResult[])parts[1]!)
            {
                var entry = (RedisResult[])item!;
                var fields = entry[1].IsNull ? [] : (RedisResult[])entry[1]!;
                var values = new NameValueEntry[fields.Length / 2];
                for (var i = 0; i < values.Length; i++) values[i] = new NameValueEntry((RedisValue)fields[2 * i], (RedisValue)fields[2 * i + 1]);
                read.Add((topic, new StreamEntry((RedisValue)entry[0], values)));
            }
        }
        return read;
    }

    private async Task<ConnectionMultiplexer> ConnectionAsync()
    {
        if (_connection is { } ready) return ready;
        await _connecting.WaitAsync();
        try
        {
            if (_connection is null)
            {
                var options = ConfigurationOptions.Parse(shared.Configuration);
                options.AbortOnConnectFail = false;
                options.ClientName = clientName;
                // The replies are parsed as RESP2 arrays.
                options.Protocol = RedisProtocol.Resp2;
                _connection = await ConnectionMultiplexer.ConnectAsync(options);
            }
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connecting.Dispose();
    }
}
