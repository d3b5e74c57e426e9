namespace Platform.Gazette.Publishing;

/// <summary>What goes into an issue's PDF (or one document's extract of it).</summary>
public sealed record IssueContent(
    string OfficeName,
    string Label,
    DateOnly PublishedDate,
    string? CorrectsLabel,
    string? CorrectionNote,
    IReadOnlyList<IssueContentDocument> Documents);

public sealed record IssueContentDocument(
    string NumberAndCode,
    string DocumentType,
    string Subject,
    string IssuingBody,
    DateOnly SignedDate,
    string Text);
