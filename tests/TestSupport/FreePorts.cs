using System.Net;
using System.Net.Sockets;

namespace Platform.TestSupport;

/// <summary>Loopback ports nobody listens on, so test runs never collide with make run or each other.</summary>
public static class FreePorts
{
    // Ports handed out in this process: the OS may offer a just-released port again before the
    // process it was promised to has bound it.
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (Given.Add(port)) return port;
            }
        }
    }

    /// <summary>A run of consecutive free ports (the launcher numbers services from a first port).</summary>
    public static int NextRun(int length)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Random.Shared.Next(20_000, 60_000);
            lock (Given)
            {
                if (Enumerable.Range(first, length).Any(Given.Contains) || !Enumerable.Range(first, length).All(IsFree)) continue;
                foreach (var port in Enumerable.Range(first, length)) Given.Add(port);
            }
            return first;
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
