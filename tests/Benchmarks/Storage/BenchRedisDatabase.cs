using StackExchange.Redis;

namespace Platform.Benchmarks.Storage;

/// <summary>
/// A Redis database of the benchmark's own on the shared test server (database 9), emptied before
/// and after the run: a benchmark writes hundreds of thousands of grain states and reminders, which
/// must neither meet a previous run's (whose reminders would fire into this one) nor stay behind.
/// </summary>
public sealed class BenchRedisDatabase : IAsyncDisposable
{
    private const int Database = 9;

    private readonly ConnectionMultiplexer _admin;

    private BenchRedisDatabase(ConnectionMultiplexer admin, string connectionString)
    {
        _admin = admin;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string to give the code under test: the server's, with the benchmark's database.</summary>
    public string ConnectionString { get; }

    public static async Task<BenchRedisDatabase> CreateAsync(string server)
    {
        var options = ConfigurationOptions.Parse(server);
        options.DefaultDatabase = Database;
        var connectionString = options.ToString();
        options.AllowAdmin = true;
        var admin = await ConnectionMultiplexer.ConnectAsync(options);
        var database = new BenchRedisDatabase(admin, connectionString);
        await database.FlushAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync();
        await _admin.DisposeAsync();
    }

    private Task FlushAsync() => _admin.GetServers()[0].FlushDatabaseAsync(Database);
}
