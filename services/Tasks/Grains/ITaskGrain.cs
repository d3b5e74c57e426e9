using Platform.Tasks.Domain;

namespace Platform.Tasks.Grains;

/// <summary>
/// One task, alive in the silo. Every change returns a <see cref="TaskOutcome"/> instead of
/// throwing: a refused change is an answer, not a fault, and stays readable across the call.
/// </summary>
[Alias("tasks.ITaskGrain")]
public interface ITaskGrain : IGrainWithGuidKey
{
    /// <summary>Enters the task; a second call (a redelivered direction) returns the task already there.</summary>
    [Alias("Create")] Task<TaskOutcome> Create(NewTask task);
    [Alias("Get")] Task<TaskRecord?> Get();
    [Alias("ReportProgress")] Task<TaskOutcome> ReportProgress(string by, int percent, string? note, string[] attachments);
    [Alias("SubmitCompletion")] Task<TaskOutcome> SubmitCompletion(string by, string? note, string[] attachments);
    [Alias("ConfirmCompletion")] Task<TaskOutcome> ConfirmCompletion(string by, string? note);
    [Alias("ReturnCompletion")] Task<TaskOutcome> ReturnCompletion(string by, string? reason);
    [Alias("RequestExtension")] Task<TaskOutcome> RequestExtension(string by, DateOnly newDeadline, string? reason);
    [Alias("DecideExtension")] Task<TaskOutcome> DecideExtension(string by, bool approve, string? reason);
    [Alias("Pause")] Task<TaskOutcome> Pause(string by, string? reason);
    [Alias("Resume")] Task<TaskOutcome> Resume(string by, string? note);
    [Alias("Refuse")] Task<TaskOutcome> Refuse(string by, string? reason);
    /// <summary>What the deadline reminder does on a tick; callable so a benchmark or an operator can run it.</summary>
    [Alias("CheckDeadline")] Task<TaskOutcome> CheckDeadline();
    /// <summary>When the deadline reminder is next due, or null when none is registered.</summary>
    [Alias("NextReminder")] Task<DateTimeOffset?> NextReminder();
    /// <summary>Whether the reminder service holds this task's deadline reminder (what survives a restart).</summary>
    [Alias("HasReminder")] Task<bool> HasReminder();
}

/// <summary>
/// The task after a change, or why the change was refused. Not [Immutable]: it carries the grain's
/// live <see cref="TaskRecord"/>, and a caller in the silo (the API) must get Orleans' copy of it,
/// not a reference the grain changes under it while the response is written.
/// </summary>
[GenerateSerializer, Alias("tasks.TaskOutcome")]
public sealed record TaskOutcome(
    [property: Id(0)] TaskRecord? Task,
    [property: Id(1)] string? Error = null,
    [property: Id(2)] int StatusCode = 200,
    [property: Id(3)] string? Code = null)
{
    public static readonly TaskOutcome NotFound = new(null, "Không tìm thấy nhiệm vụ.", 404, "not-found");

    public bool Succeeded => Error is null;

    /// <summary>The task, or the rule that refused the change as the exception the ProblemDetails handler shows.</summary>
    public TaskRecord TaskOrThrow() =>
        Error is null ? Task! : throw new ServiceDefaults.Errors.DomainRuleException(Error, StatusCode, Code);
}
