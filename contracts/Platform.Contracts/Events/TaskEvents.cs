namespace Platform.Contracts.Events;

/// <summary>A task (nhiệm vụ) was entered, from a direction on a document or directly.</summary>
[Topic(Topics.TaskCreated)]
public sealed record TaskCreated(
    Guid TaskId,
    Guid? SourceDocumentId,
    string Content,
    string LeadUnit,
    IReadOnlyList<string> SupportingUnits,
    DateOnly? Deadline,
    string AssignedBy,
    DateTimeOffset CreatedAt);

/// <summary>A task moved from one status to another.</summary>
[Topic(Topics.TaskStatusChanged)]
public sealed record TaskStatusChanged(
    Guid TaskId,
    string LeadUnit,
    TaskState From,
    TaskState To,
    string ChangedBy,
    string? Note,
    DateTimeOffset ChangedAt);

/// <summary>A task's deadline is near (sắp đến hạn).</summary>
[Topic(Topics.TaskDueSoon)]
public sealed record TaskDueSoon(Guid TaskId, string LeadUnit, DateOnly Deadline, int WorkingDaysLeft, DateTimeOffset DetectedAt);

/// <summary>A task passed its deadline without being done (quá hạn).</summary>
[Topic(Topics.TaskOverdue)]
public sealed record TaskOverdue(Guid TaskId, string LeadUnit, DateOnly Deadline, DateTimeOffset DetectedAt);
