using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Persistence;

namespace Platform.Reporting.Rebuild;

/// <summary><c>dotnet Reporting.dll rebuild</c>: replays the event log into fresh fact tables, printing progress.</summary>
public static class RebuildCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "rebuild";

    public static async Task<int> RunAsync(WebApplicationBuilder builder)
    {
        // The progress lines are the output; every SQL statement would drown them.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await db.Database.MigrateAsync();
        var rebuilder = scope.ServiceProvider.GetRequiredService<FactRebuilder>();
        var progress = new ConsoleProgress();
        var result = await rebuilder.RebuildAsync(progress, CancellationToken.None);
        Console.WriteLine($"rebuild: done, {result.Replayed} events replayed, {result.Skipped} skipped (topics no longer handled)");
        return 0;
    }

    // Progress<T> reports on the thread pool, which could print after the final line.
    private sealed class ConsoleProgress : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => Console.WriteLine($"rebuild: {value.Replayed}/{value.Total} events");
    }
}
