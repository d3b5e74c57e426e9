using Platform.Contracts.Events;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.Tasks.Domain;
using Platform.Tasks.Persistence;

namespace Platform.Tasks.Consumers;

/// <summary>
/// A leader's direction on a document becomes a task for the lead unit. Runs inside the
/// inbox transaction, so a redelivered direction does not create a second task.
/// </summary>
public sealed class CreateTasksFromDirection(TasksDbContext db, Outbox outbox, TimeProvider clock) : IEventHandler<DocumentAssigned>
{
    public Task HandleAsync(DocumentAssigned @event, EventContext context, CancellationToken cancellationToken)
    {
        var task = new TrackedTask
        {
            // Derived from the event id so the same direction always names the same task.
            Id = TaskIds.FromEvent(context.EventId),
            SourceDocumentId = @event.DocumentId,
            SourceDocumentNumber = @event.NumberAndCode,
            Content = @event.Direction,
            LeadUnit = @event.LeadUnit,
            SupportingUnits = string.Join(',', @event.SupportingUnits),
            Deadline = @event.Deadline,
            AssignedBy = @event.AssignedBy,
            Secrecy = @event.Secrecy,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Tasks.Add(task);
        outbox.Add(new TaskCreated(task.Id, task.SourceDocumentId, task.Content, task.LeadUnit,
            task.SupportingUnitList(), task.Deadline, task.AssignedBy, clock.GetUtcNow()));
        return Task.CompletedTask;
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
