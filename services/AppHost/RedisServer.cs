using System.Net.Sockets;
using System.Text;

namespace Platform.AppHost;

/// <summary>The Redis make run uses: started from PATH on a loopback port, with AOF on, data in the data folder.</summary>
public static class RedisServer
{
    /// <summary>
    /// The AOF is fsynced before Redis answers a write. An outbox row is marked sent once XADD is
    /// answered, and Orleans counts a grain write done once SET is answered; with "everysec" a host
    /// crash (or a kill while a slow fsync makes Redis postpone its AOF write) loses up to about two
    /// seconds of answered writes, events no outbox will send again. The chart asks the same of the
    /// cluster's Redis (values.yaml, redis.requiredConfig).
    /// </summary>
    public const string AppendFsync = "always";

    public static ManagedProcess Start(int port, string dataFolder, string? logFolder)
    {
        var folder = Path.Combine(dataFolder, "redis");
        Directory.CreateDirectory(folder);
        var executable = FindOnPath("redis-server")
            ?? throw new InvalidOperationException("redis-server is not installed; `make run` installs it with apt-get (Debian package redis-server).");
        return ManagedProcess.Start("redis", executable,
            ["--bind", "127.0.0.1", "--port", port.ToString(), "--dir", folder, "--appendonly", "yes", "--appendfsync", AppendFsync, "--save", "", "--protected-mode", "yes"],
            new Dictionary<string, string>(), folder, logFolder);
    }

    /// <summary>True when a Redis server answers PING at host:port.</summary>
    public static async Task<bool> PingAsync(string hostAndPort, CancellationToken cancellationToken)
    {
        try
        {
            return (await CommandAsync(hostAndPort, ["PING"], cancellationToken)).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends one command (as a RESP array of bulk strings) and returns the raw reply as far as the
    /// first read gives it: enough for the short replies the launcher and the fault tests read.
    /// </summary>
    public static async Task<string> CommandAsync(string hostAndPort, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var parts = hostAndPort.Split(',')[0].Split(':');
        using var client = new TcpClient();
        await client.ConnectAsync(parts[0], parts.Length > 1 ? int.Parse(parts[1]) : 6379, cancellationToken);
        var stream = client.GetStream();
        var request = new StringBuilder($"*{arguments.Count}\r\n");
        foreach (var argument in arguments) request.Append($"${Encoding.UTF8.GetByteCount(argument)}\r\n{argument}\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
