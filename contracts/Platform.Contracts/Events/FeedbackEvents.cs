namespace Platform.Contracts.Events;

/// <summary>A citizen sent feedback (phản ánh, kiến nghị) through the portal.</summary>
[Topic(Topics.FeedbackReceived)]
public sealed record FeedbackReceived(
    Guid FeedbackId,
    string TrackingCode,
    string Subject,
    DateTimeOffset ReceivedAt);
