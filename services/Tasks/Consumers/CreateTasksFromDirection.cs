using Platform.Contracts.Events;
using Platform.ServiceDefaults.Events;
using Platform.Tasks.Domain;
using Platform.Tasks.Grains;

namespace Platform.Tasks.Consumers;

/// <summary>
/// A leader's direction on a document becomes a task for the lead unit. The task id comes from
/// the event id, and the grain's create returns the existing task when called again, so a
/// redelivery that slips past the inbox (a crash after the grain stored, before the inbox
/// committed) still makes one task and one TaskCreated.
/// </summary>
public sealed class CreateTasksFromDirection(IGrainFactory grains) : IEventHandler<DocumentAssigned>
{
    public async Task HandleAsync(DocumentAssigned @event, EventContext context, CancellationToken cancellationToken)
    {
        var id = TaskIds.FromEvent(context.EventId);
        var outcome = await grains.GetGrain<ITaskGrain>(id).Create(new NewTask(
            id, @event.DocumentId, @event.NumberAndCode, @event.Direction, @event.LeadUnit,
            @event.SupportingUnits, @event.Deadline, @event.AssignedBy, @event.Secrecy));
        outcome.TaskOrThrow();
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
