namespace Platform.Portal.Domain;

/// <summary>
/// A draft document put out for public comment (lấy ý kiến dự thảo): open between two dates;
/// anyone may comment while it is open.
/// </summary>
public sealed class ConsultationDraft
{
    public Guid DraftId { get; init; }
    public required string Title { get; set; }
    public required string DraftingBody { get; set; }
    /// <summary>Plain text summary of the draft; a blank line starts a new paragraph.</summary>
    public required string Summary { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    public bool IsOpenOn(DateOnly day) => day >= OpensOn && day <= ClosesOn;

    public IEnumerable<string> Paragraphs =>
        Summary.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A citizen's comment (ý kiến góp ý) on a draft; read by the drafting body, not published.</summary>
public sealed class ConsultationComment
{
    public Guid CommentId { get; init; }
    public Guid DraftId { get; init; }
    public required string SenderName { get; init; }
    public required string Contact { get; init; }
    public required string Content { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}

public static class ConsultationLimits
{
    public const int Title = 300;
    public const int DraftingBody = 200;
    public const int Summary = 10_000;
    public const int Name = 100;
    public const int Contact = 200;
    public const int Comment = 5_000;
}
