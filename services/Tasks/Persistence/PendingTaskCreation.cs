namespace Platform.Tasks.Persistence;

/// <summary>A direction whose task the grain has not confirmed yet (see TaskCreationPump).</summary>
public sealed class PendingTaskCreation
{
    public Guid TaskId { get; set; }
    public string NewTaskJson { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
