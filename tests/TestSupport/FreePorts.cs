using System.Net;
using System.Net.Sockets;

namespace Platform.TestSupport;

/// <summary>
/// Loopback ports nobody listens on, so test runs never collide with make run or each other. They are
/// taken below the kernel's ephemeral range: a port from that range (what binding to port 0 gives) can
/// be taken by any process's outgoing connection while a fault test has killed the service that
/// listened on it, and the service could not listen there again when it restarts.
/// </summary>
public static class FreePorts
{
    // Ports handed out in this process: a port is free until the process it was promised to binds it.
    private static readonly HashSet<int> Given = [];
    private const int Lowest = 10_000;
    private static readonly int EphemeralStart = ReadEphemeralStart();

    public static int Next() => NextRun(1);

    /// <summary>A run of consecutive free ports (the launcher numbers services from a first port).</summary>
    public static int NextRun(int length)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(Lowest, EphemeralStart - length);
            lock (Given)
            {
                if (Enumerable.Range(first, length).Any(Given.Contains) || !Enumerable.Range(first, length).All(IsFree)) continue;
                foreach (var port in Enumerable.Range(first, length)) Given.Add(port);
            }
            return first;
        }
        throw new InvalidOperationException($"No run of {length} free ports found below {EphemeralStart}.");
    }

    /// <summary>The first port of net.ipv4.ip_local_port_range (Linux's default 32768 elsewhere).</summary>
    private static int ReadEphemeralStart()
    {
        const int fallback = 32_768;
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return int.TryParse(range[0], out var start) && start > Lowest + 1_000 ? start : fallback;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return fallback;
        }
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
