namespace Platform.Contracts.Events;

/// <summary>
/// A task (nhiệm vụ) was entered, from a direction on a document or directly. <paramref name="Secrecy"/> is
/// the task's secrecy (độ mật), taken from the document the direction was given on: a consumer must not
/// store, show or quote <paramref name="Content"/> of a secret task to anyone not cleared for its level.
/// </summary>
/// <param name="Secrecy">
/// Events published before this field existed carry content and no level. Nothing tells a public task
/// from a Tuyệt mật one there, so a missing level reads as <see cref="Secrecy.TopSecret"/> (the JSON
/// reader takes the parameter's default): such a task is still counted, but its text is treated as the
/// most secret. Reading it as public would let an old secret task's content reach reports and messages.
/// </param>
[Topic(Topics.TaskCreated)]
public sealed record TaskCreated(
    Guid TaskId,
    Guid? SourceDocumentId,
    string Content,
    string LeadUnit,
    IReadOnlyList<string> SupportingUnits,
    DateOnly? Deadline,
    string AssignedBy,
    DateTimeOffset CreatedAt,
    Secrecy Secrecy = Secrecy.TopSecret);

/// <summary>
/// A task moved from one status to another. <paramref name="Note"/> (a reason, a progress note) may
/// repeat what the task is about, so it is as secret as the task: <paramref name="Secrecy"/>, missing in
/// older events and then read as <see cref="Secrecy.TopSecret"/> for the reason given on <see cref="TaskCreated"/>.
/// </summary>
[Topic(Topics.TaskStatusChanged)]
public sealed record TaskStatusChanged(
    Guid TaskId,
    string LeadUnit,
    TaskState From,
    TaskState To,
    string ChangedBy,
    string? Note,
    DateTimeOffset ChangedAt,
    Secrecy Secrecy = Secrecy.TopSecret);

/// <summary>A task's deadline is near (sắp đến hạn).</summary>
[Topic(Topics.TaskDueSoon)]
public sealed record TaskDueSoon(Guid TaskId, string LeadUnit, DateOnly Deadline, int WorkingDaysLeft, DateTimeOffset DetectedAt);

/// <summary>A task passed its deadline without being done (quá hạn).</summary>
[Topic(Topics.TaskOverdue)]
public sealed record TaskOverdue(Guid TaskId, string LeadUnit, DateOnly Deadline, DateTimeOffset DetectedAt);
