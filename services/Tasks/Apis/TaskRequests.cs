namespace Platform.Tasks.Apis;

public sealed record CreateTaskRequest(string? Content, string? LeadUnit, string[]? SupportingUnits, DateOnly? Deadline);

public sealed record ProgressRequest(int Percent, string? Note, string[]? Attachments);

public sealed record CompletionRequest(string? Note, string[]? Attachments);

/// <summary>A note or a reason, depending on the action.</summary>
public sealed record ReasonRequest(string? Reason);

public sealed record ExtensionRequestBody(DateOnly NewDeadline, string? Reason);

public sealed record ExtensionDecisionRequest(bool Approve, string? Reason);
