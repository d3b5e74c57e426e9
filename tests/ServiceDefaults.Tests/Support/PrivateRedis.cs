using System.Diagnostics;
using System.Net.Sockets;

namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>
/// A redis-server of one test fixture's own (AOF on, fsynced before each answer, as the platform runs
/// it), which the test may kill and start again without disturbing the shared test Redis.
/// </summary>
public sealed class PrivateRedis : IDisposable
{
    private readonly string _folder = TestServers.TempFolder("redis");
    private Process? _process;

    public int Port { get; } = FreePorts.Next();

    public string Connection => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo("redis-server",
            ["--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", _folder,
             "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--logfile", Path.Combine(_folder, "redis.log")])
        {
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await AnswersAsync())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"redis-server on {Connection} did not answer");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL, as a crash would: only what the AOF already holds comes back.</summary>
    public void Kill()
    {
        if (_process is null) return;
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Kill();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return false;
        }
    }
}
