using System.Net.Sockets;
using System.Text;

namespace Platform.AppHost;

/// <summary>The Redis make run uses: started from PATH on a loopback port, with AOF on, data in the data folder.</summary>
public static class RedisServer
{
    public static ManagedProcess Start(int port, string dataFolder, string? logFolder)
    {
        var folder = Path.Combine(dataFolder, "redis");
        Directory.CreateDirectory(folder);
        var executable = FindOnPath("redis-server")
            ?? throw new InvalidOperationException("redis-server is not installed; `make run` installs it with apt-get (Debian package redis-server).");
        return ManagedProcess.Start("redis", executable,
            ["--bind", "127.0.0.1", "--port", port.ToString(), "--dir", folder, "--appendonly", "yes", "--save", "", "--protected-mode", "yes"],
            new Dictionary<string, string>(), folder, logFolder);
    }

    /// <summary>True when a Redis server answers PING at host:port.</summary>
    public static async Task<bool> PingAsync(string hostAndPort, CancellationToken cancellationToken)
    {
        var parts = hostAndPort.Split(',')[0].Split(':');
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(parts[0], parts.Length > 1 ? int.Parse(parts[1]) : 6379, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return false;
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
