namespace Platform.Portal.Submissions;

/// <summary>Configuration section Portal:Feedback.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Portal:Feedback";
    public const string RateLimitPolicy = "feedback";

    public long MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;
    /// <summary>How many feedback submissions one client address may send per window.</summary>
    public int PermitLimit { get; set; } = 5;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}
