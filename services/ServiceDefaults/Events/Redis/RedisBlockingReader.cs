using StackExchange.Redis;

namespace Platform.ServiceDefaults.Events.Redis;

/// <summary>
/// XREADGROUP ... BLOCK on a connection of the consumer's own. A blocking read on the shared
/// multiplexer would hold up every ack, publish and cache call queued behind it; on its own
/// connection it only waits for the next entry, which then arrives within a round trip
/// instead of after a poll interval.
/// </summary>
/// <param name="shared">The service's connection, whose configuration this one copies.</param>
/// <param name="clientName">The name this connection shows in CLIENT LIST.</param>
/// <param name="restored">Called whenever this connection is established again after it was lost.</param>
public sealed class RedisBlockingReader(IConnectionMultiplexer shared, string clientName, Action? restored = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;

    /// <summary>New entries (id "&gt;") of the topics for this consumer; empty when none came within <paramref name="block"/>.</summary>
    public Task<IReadOnlyList<(string Topic, StreamEntry Entry)>> ReadAsync(
        string group, string consumer, IReadOnlyList<string> topics, int count, TimeSpan block) =>
        ReadGroupAsync(group, consumer, topics.Select(topic => (topic, ">")).ToList(), count, block);

    /// <summary>
    /// Entries of <paramref name="topic"/> already delivered to this consumer and not acknowledged,
    /// with ids after <paramref name="afterId"/> ("0" for all): XREADGROUP with an id reads the
    /// consumer's own pending list and nobody else's. An entry deleted from the stream since comes
    /// back without fields.
    /// </summary>
    public Task<IReadOnlyList<(string Topic, StreamEntry Entry)>> ReadOwnPendingAsync(
        string group, string consumer, string topic, string afterId, int count) =>
        ReadGroupAsync(group, consumer, [(topic, afterId)], count, block: null);

    private async Task<IReadOnlyList<(string Topic, StreamEntry Entry)>> ReadGroupAsync(
        string group, string consumer, IReadOnlyList<(string Topic, string From)> streams, int count, TimeSpan? block)
    {
        var connection = await ConnectionAsync();
        var arguments = new List<object> { "GROUP", group, consumer, "COUNT", count };
        if (block is { } wait) arguments.AddRange(["BLOCK", (long)wait.TotalMilliseconds]);
        arguments.Add("STREAMS");
        arguments.AddRange(streams.Select(s => (object)s.Topic));
        arguments.AddRange(streams.Select(s => (object)s.From));
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
                var options = RedisRegistration.ConnectionOptions(shared.Configuration);
                options.ClientName = clientName;
                // The replies are parsed as RESP2 arrays.
                options.Protocol = RedisProtocol.Resp2;
                var connection = await ConnectionMultiplexer.ConnectAsync(options);
                if (restored is not null) connection.ConnectionRestored += (_, _) => restored();
                _connection = connection;
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
