using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>A fresh database for one fixture, on SQLite or on the test PostgreSQL server.</summary>
public sealed class TestDatabase(string provider)
{
    public const string Sqlite = "SQLite";
    public const string PostgreSql = "PostgreSQL";

    /// <summary>For TestFixtureSource: every outbox and inbox test runs on both providers.</summary>
    public static readonly string[] Providers = [Sqlite, PostgreSql];

    private string? _connectionString;

    public string Provider => provider;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("Call CreateAsync first.");

    public void Configure(DbContextOptionsBuilder options)
    {
        if (provider == PostgreSql) options.UseNpgsql(ConnectionString);
        else options.UseSqlite(ConnectionString);
    }

    public TestDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        Configure(options);
        return new TestDbContext(options.Options);
    }

    public async Task CreateAsync()
    {
        var name = $"sd_tests_{Guid.NewGuid():N}";
        if (provider == PostgreSql)
        {
            _connectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = name }.ToString();
        }
        else
        {
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "servicedefaults-tests")).FullName;
            // The dispatcher and the consumer write the same file: wait for the lock, as services do.
            _connectionString = $"Data Source={Path.Combine(folder, name + ".db")};Default Timeout=30";
        }
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DropAsync()
    {
        if (_connectionString is null) return;
        if (provider == PostgreSql) NpgsqlConnection.ClearAllPools();
        else Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var db = NewContext();
        await db.Database.EnsureDeletedAsync();
    }

    public override string ToString() => provider;
}
