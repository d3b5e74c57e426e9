using Platform.Contracts;

namespace Platform.Tasks.Domain;

/// <summary>What is needed to enter a task, from a direction or directly.</summary>
[GenerateSerializer, Immutable, Alias("tasks.NewTask")]
public sealed record NewTask(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid? SourceDocumentId,
    [property: Id(2)] string? SourceDocumentNumber,
    [property: Id(3)] string Content,
    [property: Id(4)] string LeadUnit,
    [property: Id(5)] string[] SupportingUnits,
    [property: Id(6)] DateOnly? Deadline,
    [property: Id(7)] string AssignedBy,
    [property: Id(8)] Secrecy Secrecy);

/// <summary>Báo cáo tiến độ, with the names or links of attached files.</summary>
[GenerateSerializer, Immutable, Alias("tasks.ProgressReport")]
public sealed record ProgressReport(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] int Percent,
    [property: Id(3)] string? Note,
    [property: Id(4)] string[] Attachments);

/// <summary>One line of a task's history: who did what, when, and the status before and after.</summary>
[GenerateSerializer, Immutable, Alias("tasks.HistoryEntry")]
public sealed record HistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] TaskAction Action,
    [property: Id(3)] TaskState From,
    [property: Id(4)] TaskState To,
    [property: Id(5)] string? Note,
    [property: Id(6)] DateOnly? Deadline);

/// <summary>Đề nghị gia hạn and the leader's decision.</summary>
[GenerateSerializer, Alias("tasks.ExtensionRequest")]
public sealed class ExtensionRequest
{
    [Id(0)] public DateTimeOffset RequestedAt { get; set; }
    [Id(1)] public string RequestedBy { get; set; } = "";
    [Id(2)] public DateOnly OldDeadline { get; set; }
    [Id(3)] public DateOnly NewDeadline { get; set; }
    [Id(4)] public string Reason { get; set; } = "";
    [Id(5)] public ExtensionDecision Decision { get; set; }
    [Id(6)] public string? DecidedBy { get; set; }
    [Id(7)] public DateTimeOffset? DecidedAt { get; set; }
    [Id(8)] public string? DecisionReason { get; set; }
}

public enum ExtensionDecision
{
    Pending,
    Approved,
    Refused,
}

public enum TaskAction
{
    Created,
    ProgressReported,
    CompletionSubmitted,
    CompletionConfirmed,
    CompletionReturned,
    ExtensionRequested,
    ExtensionApproved,
    ExtensionRefused,
    Paused,
    Resumed,
    Refused,
    BecameDueSoon,
    BecameOverdue,
}
