using Platform.Tasks.Domain;

namespace Platform.Tasks.Grains;

/// <summary>What the grain keeps in grain storage (Redis).</summary>
[GenerateSerializer, Alias("tasks.TaskGrainState")]
public sealed class TaskGrainState
{
    [Id(0)] public TaskRecord? Record { get; set; }
    /// <summary>When the registered deadline reminder is next due; null when there is none.</summary>
    [Id(1)] public DateTimeOffset? ReminderDueAt { get; set; }
}

/// <summary>Where grain changes go after they are stored: the read model and the outbox.</summary>
public interface ITaskProjection
{
    /// <summary>Brings the read model up to the record's history; idempotent, so a replay after a crash is harmless.</summary>
    Task ProjectAsync(TaskRecord record, CancellationToken cancellationToken);
}
