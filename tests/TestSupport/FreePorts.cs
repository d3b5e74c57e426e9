using System.Net;
using System.Net.Sockets;

namespace Platform.TestSupport;

/// <summary>Loopback ports nobody listens on, so test runs never collide with make run or each other.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A run of consecutive free ports (the launcher numbers services from a first port).</summary>
    public static int NextRun(int length)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Random.Shared.Next(20_000, 60_000);
            if (Enumerable.Range(first, length).All(IsFree)) return first;
        }
        throw new InvalidOperationException($"No run of {length} free ports found.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
