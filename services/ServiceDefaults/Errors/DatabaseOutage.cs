using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Tells a database that cannot be reached (server down, restarting, refusing connections) or
/// cannot take a write in time from a bug: the first is a 503 the caller may retry, the
/// transaction having rolled back.
/// </summary>
public static class DatabaseOutage
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Caused(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" }: // admin shutdown, crash shutdown, cannot connect now
                case SocketException:
                // SQLite's one writer at a time: a request that waited its whole timeout for the write
                // lock (other writers on a starved machine) wrote nothing and may be sent again.
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                    return true;
            }
        }
        return false;
    }
}
