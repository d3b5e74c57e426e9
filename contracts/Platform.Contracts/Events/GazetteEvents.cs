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

/// <summary>
/// A document in the gazette register is close to its publishing deadline (7 working days
/// from receipt) or past it. Raised once per document for each of the two states.
/// </summary>
[Topic(Topics.GazetteDeadlineApproaching)]
public sealed record GazetteDeadlineApproaching(
    Guid EntryId,
    Guid? DocumentId,
    string NumberAndCode,
    string Subject,
    string IssuingBody,
    DateOnly ReceivedDate,
    DateOnly PublishBy,
    bool Overdue,
    int WorkingDaysLeft,
    DateTimeOffset DetectedAt);

/// <summary>
/// The gazette editor found an error in a received document and returned it to its issuer,
/// who is to send a corrected original (DOMAIN.md section 4). DocumentId is the platform's
/// document, or null for a document that was sent in by hand.
/// </summary>
[Topic(Topics.GazetteDocumentReturned)]
public sealed record GazetteDocumentReturned(
    Guid EntryId,
    Guid? DocumentId,
    string NumberAndCode,
    string IssuingBody,
    string Error,
    string ReturnedBy,
    DateTimeOffset ReturnedAt);
