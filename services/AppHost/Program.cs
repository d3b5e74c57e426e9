using System.Runtime.InteropServices;
using Platform.AppHost;

// make run: the whole platform on embedded defaults. Ports and folders can be moved with
// PLATFORM_GATEWAY_PORT, PLATFORM_DATA and PLATFORM_REDIS (an existing Redis host:port).
var root = LaunchSettings.FindRepositoryRoot(AppContext.BaseDirectory);
var settings = new LaunchSettings
{
    RepositoryRoot = root,
    DataFolder = Path.GetFullPath(Environment.GetEnvironmentVariable("PLATFORM_DATA") ?? Path.Combine(root, ".data")),
    GatewayPort = int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_GATEWAY_PORT"), out var port) ? port : 8080,
    Redis = Environment.GetEnvironmentVariable("PLATFORM_REDIS"),
    BuildConfiguration = Environment.GetEnvironmentVariable("PLATFORM_CONFIGURATION") ?? "Debug",
};

using var stopping = new CancellationTokenSource();
// Ctrl-C and SIGTERM both end in the orderly stop below, so no child is left running.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stopping.Cancel(); });
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stopping.Cancel(); });

var started = System.Diagnostics.Stopwatch.StartNew();
Console.WriteLine($"Starting the platform (data in {settings.DataFolder}) ...");
await using var platform = await PlatformLauncher.StartAsync(settings, TimeSpan.FromSeconds(120), stopping.Token);
try
{
    await SampleContent.SeedOnceAsync(settings, stopping.Token);
}
catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TimeoutException)
{
    Console.WriteLine($"Sample content was not entered ({exception.Message}); the platform runs without it.");
}
Console.WriteLine($"""

    The platform is ready after {started.Elapsed.TotalSeconds:0.0} s.

      Portal and APIs:  {settings.GatewayUrl}
      Service health:   {settings.GatewayUrl}status
      Identity (realm): {settings.Issuer}

    Sample logins (password Matkhau@123 for all):
      vanthu (clerk), chuyenvien (specialist), lanhdao (leader),
      bientap (portal editor), congbao (gazette editor), quantri (administrator)

    Press Ctrl-C to stop everything.
    """);
try
{
    await Task.Delay(Timeout.Infinite, stopping.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopping ...");
}
