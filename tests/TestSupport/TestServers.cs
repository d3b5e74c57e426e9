using Npgsql;

namespace Platform.TestSupport;

/// <summary>
/// The Redis and PostgreSQL servers `make test` starts (tests/servers.sh). A test that needs
/// one fails with a clear message when it is not there, rather than passing without it.
/// </summary>
public static class TestServers
{
    public static string Redis => Require("PLATFORM_TEST_REDIS");

    public static string Postgres => Require("PLATFORM_TEST_POSTGRES");

    /// <summary>A new, empty PostgreSQL database for one test fixture; its connection string.</summary>
    public static string NewPostgresDatabase(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        using var connection = new NpgsqlConnection(Postgres + ";Database=postgres");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ConnectionString;
    }

    /// <summary>A new SQLite file in a fresh temporary folder.</summary>
    public static string NewSqliteDatabase(string prefix) =>
        $"Data Source={Path.Combine(TempFolder(prefix), prefix + ".db")}";

    public static string TempFolder(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), "platform-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run the tests with `make test`, or start the servers with `eval \"$(tests/servers.sh start)\"`.");
}

/// <summary>The two databases every persistence test runs on.</summary>
public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

public static class DatabaseKinds
{
    public static readonly DatabaseKind[] All = [DatabaseKind.Sqlite, DatabaseKind.Postgres];

    public static string NewConnectionString(this DatabaseKind kind, string prefix) => kind switch
    {
        DatabaseKind.Postgres => TestServers.NewPostgresDatabase(prefix),
        _ => TestServers.NewSqliteDatabase(prefix),
    };
}
