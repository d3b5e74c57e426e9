using System.Text.Json;
using Platform.Contracts.Events;
using Platform.ServiceDefaults.Events;
using Platform.Tasks.Domain;
using Platform.Tasks.Persistence;

namespace Platform.Tasks.Consumers;

/// <summary>
/// A leader's direction on a document becomes a task for the lead unit. The handler runs in the
/// inbox transaction, so it only queues the creation there (one row, committed with the inbox
/// row); <see cref="TaskCreationPump"/> then asks the grain. The grain call cannot sit inside the
/// inbox transaction: the grain writes the read model itself, and on SQLite that second writer
/// would wait for the first. The task id comes from the event id and the grain's create is
/// idempotent, so a redelivery or a retried pump makes one task and one TaskCreated.
/// </summary>
public sealed class CreateTasksFromDirection(TasksDbContext db, TaskCreationSignal signal, TimeProvider clock) : IEventHandler<DocumentAssigned>
{
    public async Task HandleAsync(DocumentAssigned @event, EventContext context, CancellationToken cancellationToken)
    {
        var id = TaskIds.FromEvent(context.EventId);
        if (await db.PendingTaskCreations.FindAsync([id], cancellationToken) is not null) return;
        var task = new NewTask(id, @event.DocumentId, @event.NumberAndCode, @event.Direction, @event.LeadUnit,
            [.. @event.SupportingUnits], @event.Deadline, @event.AssignedBy, @event.Secrecy);
        db.PendingTaskCreations.Add(new PendingTaskCreation
        {
            TaskId = id,
            NewTaskJson = JsonSerializer.Serialize(task, EventJson.Options),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        db.SavedChanges += (_, _) => signal.Notify();
    }
}

/// <summary>Stable task ids from event ids (UUID v5-like over SHA-256).</summary>
public static class TaskIds
{
    public static Guid FromEvent(string eventId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("task:" + eventId));
        return new Guid(hash.AsSpan(0, 16));
    }
}
