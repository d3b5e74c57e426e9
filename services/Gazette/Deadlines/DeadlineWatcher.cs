using Microsoft.Extensions.Options;
using Platform.Gazette.Domain;

namespace Platform.Gazette.Deadlines;

/// <summary>Runs <see cref="DeadlineCheck"/> on a timer; a failed round is logged and the next one tries again.</summary>
public sealed partial class DeadlineWatcher(IServiceScopeFactory scopes, IOptions<GazetteOptions> options, TimeProvider clock, ILogger<DeadlineWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeadlineCheckInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeadlineCheck>().RunAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gazette deadline check failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
