using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Events;
using Platform.Tasks.Domain;
using Platform.Tasks.Grains;
using Platform.Tasks.Persistence;

namespace Platform.Tasks.Consumers;

/// <summary>
/// Creates the grains for queued directions and removes each row once its grain has the task.
/// A crash in between leaves the row; the next pass asks the grain again, which answers with the
/// task it already has.
/// </summary>
public sealed partial class TaskCreationPump(
    IServiceScopeFactory scopes, IGrainFactory grains, TaskCreationSignal signal, ILogger<TaskCreationPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CreatePendingAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, exception);
            }
            try { await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task CreatePendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
        var pending = await db.PendingTaskCreations.OrderBy(p => p.CreatedAtUtc).Take(100).ToListAsync(cancellationToken);
        foreach (var row in pending)
        {
            var task = JsonSerializer.Deserialize<NewTask>(row.NewTaskJson, EventJson.Options)!;
            var outcome = await grains.GetGrain<ITaskGrain>(task.Id).Create(task);
            if (!outcome.Succeeded) LogRefused(logger, task.Id, outcome.Error);
            db.PendingTaskCreations.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating tasks from directions failed; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Direction for task {TaskId} was refused by the task rules: {Error}")]
    private static partial void LogRefused(ILogger logger, Guid taskId, string? error);
}

/// <summary>Wakes the pump as soon as a direction is queued.</summary>
public sealed class TaskCreationSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try { _semaphore.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
