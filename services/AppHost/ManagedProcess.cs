using System.Diagnostics;

namespace Platform.AppHost;

/// <summary>A child process whose output is kept (console or file) and which dies with the launcher.</summary>
public sealed class ManagedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TextWriter _log;
    private readonly bool _ownsLog;

    public string Name { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    private ManagedProcess(string name, Process process, TextWriter log, bool ownsLog)
    {
        Name = name;
        _process = process;
        _log = log;
        _ownsLog = ownsLog;
    }

    public static ManagedProcess Start(string name, string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, string workingDirectory, string? logFolder)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        TextWriter log;
        var ownsLog = false;
        if (logFolder is null)
        {
            log = Console.Out;
        }
        else
        {
            Directory.CreateDirectory(logFolder);
            log = TextWriter.Synchronized(new StreamWriter(Path.Combine(logFolder, name + ".log"), append: true) { AutoFlush = true });
            ownsLog = true;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var prefix = logFolder is null ? $"[{name}] " : "";
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(prefix + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(prefix + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ManagedProcess(name, process, log, ownsLog);
    }

    /// <summary>Asks the process to stop (SIGTERM lets ASP.NET finish requests), then kills it if it lingers.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        try
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(grace);
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Kill();
        }
    }

    /// <summary>
    /// Ends the process at once, as a crash would (kill -9), and waits until it is gone: a
    /// loaded machine may take a moment to reap it, and until then it still holds its port.
    /// </summary>
    public void Kill()
    {
        try
        {
            if (_process.HasExited) return;
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        if (_ownsLog) await _log.DisposeAsync();
    }
}
