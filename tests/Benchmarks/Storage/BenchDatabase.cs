using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Storage;

namespace Platform.Benchmarks.Storage;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh database for one benchmark, wired the way DatabaseRegistration wires a service's
/// (same SQLite connection settings, WAL), and dropped afterwards.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;
    private readonly string? _folder;

    private BenchDatabase(DatabaseKind kind, string connectionString, string? postgresName, string? folder)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _postgresName = postgresName;
        _folder = folder;
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(DatabaseKind kind, string? postgresServer)
    {
        BenchDatabase database;
        if (kind == DatabaseKind.Postgres)
        {
            var name = $"bench_{Guid.NewGuid():N}";
            await using (var admin = new NpgsqlConnection(postgresServer + ";Database=postgres"))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
            var connectionString = new NpgsqlConnectionStringBuilder(postgresServer) { Database = name, MaxPoolSize = 50 }.ConnectionString;
            database = new BenchDatabase(kind, connectionString, name, null);
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "platform-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var service = new ServiceInfo("bench", folder);
            var connectionString = DatabaseProvider.SqliteConnectionString($"Data Source={Path.Combine(folder, "bench.db")}", service);
            database = new BenchDatabase(kind, connectionString, null, folder);
        }
        await using var provider = database.Register(new ServiceCollection()).BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        await db.Database.EnsureCreatedAsync();
        if (kind == DatabaseKind.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return database;
    }

    /// <summary>Registers the context as a service registers its own, including as <see cref="ServiceDbContext"/>.</summary>
    public IServiceCollection Register(IServiceCollection services)
    {
        if (Kind == DatabaseKind.Postgres)
        {
            services.AddDbContext<PostgresBenchDbContext>(options => options.UseNpgsql(ConnectionString));
            services.AddScoped<BenchDbContext>(sp => sp.GetRequiredService<PostgresBenchDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteBenchDbContext>(options => options.UseSqlite(ConnectionString));
            services.AddScoped<BenchDbContext>(sp => sp.GetRequiredService<SqliteBenchDbContext>());
        }
        services.AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<BenchDbContext>());
        return services;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var server = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { /* a temp folder left behind is harmless */ }
        }
    }
}
