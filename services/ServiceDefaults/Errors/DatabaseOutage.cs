using System.Net.Sockets;
using Npgsql;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Tells a database that cannot be reached (server down, restarting, refusing connections)
/// from a bug: the first is a 503 the caller may retry, the transaction having rolled back.
/// </summary>
public static class DatabaseOutage
{
    public static bool Caused(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" }: // admin shutdown, crash shutdown, cannot connect now
                case SocketException:
                    return true;
            }
        }
        return false;
    }
}
