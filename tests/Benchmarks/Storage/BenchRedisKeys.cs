using StackExchange.Redis;

namespace Platform.Benchmarks.Storage;

/// <summary>
/// The keys a benchmark silo writes on the shared test Redis server, removed when the run ends. Orleans'
/// Redis grain storage and reminders put every key under "{service id}/" (and ignore the connection's
/// default database), so a service id of the run's own keeps it apart: a previous run's 100,000
/// reminders would otherwise fire into this one, and none of its keys stays behind.
/// </summary>
public sealed class BenchRedisKeys : IAsyncDisposable
{
    private const int DeleteBatch = 1_000;

    private readonly ConnectionMultiplexer _connection;

    private BenchRedisKeys(ConnectionMultiplexer connection, string serviceId)
    {
        _connection = connection;
        ServiceId = serviceId;
    }

    /// <summary>The Orleans service id to give the silo; its keys begin with it.</summary>
    public string ServiceId { get; }

    public static async Task<BenchRedisKeys> CreateAsync(string server) =>
        new(await ConnectionMultiplexer.ConnectAsync(server), $"bench-tasks-{Guid.NewGuid():N}");

    public async ValueTask DisposeAsync()
    {
        var server = _connection.GetServers()[0];
        var database = _connection.GetDatabase();
        var batch = new List<RedisKey>(DeleteBatch);
        await foreach (var key in server.KeysAsync(pattern: ServiceId + "/*", pageSize: DeleteBatch))
        {
            batch.Add(key);
            if (batch.Count < DeleteBatch) continue;
            await database.KeyDeleteAsync([.. batch]);
            batch.Clear();
        }
        if (batch.Count > 0) await database.KeyDeleteAsync([.. batch]);
        await _connection.DisposeAsync();
    }
}
