namespace Platform.Contracts;

/// <summary>
/// Topic names on the event bus. The Redis stream key, the Dapr topic and the Helm
/// chart's subscriptions all use these strings, so they never change once deployed.
/// </summary>
public static class Topics
{
    public const string DocumentRegistered = "document-registered";
    public const string DocumentAssigned = "document-assigned";
    public const string DocumentIssued = "document-issued";
    public const string DocumentRecalled = "document-recalled";
    public const string TaskCreated = "task-created";
    public const string TaskStatusChanged = "task-status-changed";
    public const string TaskDueSoon = "task-due-soon";
    public const string TaskOverdue = "task-overdue";
    public const string GazetteIssuePublished = "gazette-issue-published";
    public const string GazetteDeadlineApproaching = "gazette-deadline-approaching";
    public const string GazetteDocumentReturned = "gazette-document-returned";
    public const string FeedbackReceived = "feedback-received";

    /// <summary>Suffix of the dead-letter topic that receives a topic's poison messages.</summary>
    public const string DeadLetterSuffix = ".deadletter";

    public static readonly IReadOnlyList<string> All =
    [
        DocumentRegistered, DocumentAssigned, DocumentIssued, DocumentRecalled,
        TaskCreated, TaskStatusChanged, TaskDueSoon, TaskOverdue,
        GazetteIssuePublished, GazetteDeadlineApproaching, GazetteDocumentReturned, FeedbackReceived,
    ];
}

/// <summary>Names the topic an integration event record is published on.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TopicAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
