using System.Diagnostics;
using Npgsql;

namespace Platform.Faults.Tests;

/// <summary>
/// A PostgreSQL server of this test run alone (tests/servers.sh on its own port and folder),
/// because a test that stops the database must not stop the one every other engineer uses.
/// </summary>
public sealed class PrivatePostgres(string repositoryRoot, string folder, int port)
{
    public string Server => $"Host=127.0.0.1;Port={port};Username=platform;Password=platform;Pooling=true;Timeout=5";

    public string Database(string name) => new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;

    public Task StartAsync() => ServersAsync("postgres-start");

    /// <summary>pg_ctl stop -m fast: open connections are cut, as when the server goes away.</summary>
    public Task StopAsync() => ServersAsync("postgres-stop");

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Database("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task ServersAsync(string verb)
    {
        var info = new ProcessStartInfo(Path.Combine(repositoryRoot, "tests", "servers.sh"), [verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["PLATFORM_TEST_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PLATFORM_TEST_SERVERS_DIR"] = folder,
            },
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tests/servers.sh {verb} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
