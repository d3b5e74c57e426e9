namespace Platform.Reporting.Domain;

/// <summary>
/// The figures of one periodic report (báo cáo định kỳ) for the province or one unit. The same
/// record feeds the JSON API, the workbook, the printable page and the signed snapshot, so
/// lists are sorted and every figure is plain data.
/// </summary>
public sealed record ReportFigures(
    string PeriodKey,
    string PeriodTitle,
    DateOnly Start,
    DateOnly End,
    DateOnly AsOf,
    string Scope,
    DocumentFigures Documents,
    HandlingFigures Handling,
    TaskFigures Tasks,
    GazetteFigures? Gazette,
    FeedbackFigures? Feedback,
    IReadOnlyList<string> Pending);

public sealed record CountRow(string Key, int Count);

public sealed record DocumentFigures(
    int Received,
    int Issued,
    IReadOnlyList<CountRow> ReceivedByUnit,
    IReadOnlyList<CountRow> ReceivedByType,
    IReadOnlyList<CountRow> ReceivedByUrgency,
    IReadOnlyList<CountRow> IssuedByUnit,
    IReadOnlyList<CountRow> IssuedByType);

/// <summary>
/// Incoming documents received in the period that a leader gave a deadline. A document is
/// handled when every task its direction created is done; its handling date is the last of those.
/// </summary>
public sealed record HandlingFigures(int WithDeadline, int HandledOnTime, int HandledLate, int OpenWithinDeadline, int OpenOverdue, decimal? OnTimeShare);

/// <summary>The four report categories of DOMAIN.md section 3, plus due soon (sắp đến hạn) among those in progress on time.</summary>
public sealed record TaskCategoryRow(string Unit, int Total, int DoneOnTime, int DoneLate, int InProgressOnTime, int InProgressOverdue, int DueSoon);

public sealed record TaskFigures(TaskCategoryRow Province, IReadOnlyList<TaskCategoryRow> ByUnit);

/// <summary>Received: legal normative documents issued (not secret) in the period. Late: published more than the allowed days after issue.</summary>
public sealed record GazetteFigures(int Received, int Published, int PublishedLate, int AllowedDays);

/// <summary>Answered and overdue stay null until the portal publishes an answer event.</summary>
public sealed record FeedbackFigures(int Received, int? Answered, int? Overdue);
