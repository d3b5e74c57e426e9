namespace Platform.Contracts.Events;

/// <summary>An issue of the provincial gazette (công báo) was published.</summary>
[Topic(Topics.GazetteIssuePublished)]
public sealed record GazetteIssuePublished(
    Guid IssueId,
    int Year,
    IReadOnlyList<int> Numbers,
    DateOnly PublishedDate,
    IReadOnlyList<Guid> DocumentIds,
    string PdfUrl,
    DateTimeOffset PublishedAt);
