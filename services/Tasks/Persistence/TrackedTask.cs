using Platform.ServiceDefaults;
using Platform.Contracts;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Persistence;

/// <summary>
/// One task as lists and dashboards read it: a copy of the grain's state written through the
/// projection. <see cref="DueSoonFrom"/> is stored so timeliness is a query on today's date,
/// right on any day without rewriting rows.
/// </summary>
public sealed class TrackedTask
{
    public Guid Id { get; set; }
    public Guid? SourceDocumentId { get; set; }
    public string? SourceDocumentNumber { get; set; }
    public string Content { get; set; } = "";
    public string LeadUnit { get; set; } = "";
    /// <summary>Comma separated.</summary>
    public string SupportingUnits { get; set; } = "";
    public DateOnly? Deadline { get; set; }
    public DateOnly? DueSoonFrom { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string AssignedBy { get; set; } = "";
    public Secrecy Secrecy { get; set; }
    public TaskState State { get; set; }
    public int Percent { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>How many history entries of the grain this row reflects; a replay of older ones is skipped.</summary>
    public int Version { get; set; }

    public IReadOnlyList<string> SupportingUnitList() =>
        string.IsNullOrEmpty(SupportingUnits) ? [] : SupportingUnits.Split(',');

    public Timeliness TimelinessOn(DateOnly today) => Deadlines.TimelinessOn(State, Deadline, DueSoonFrom, CompletedOn, today);

    public void CopyFrom(TaskRecord record, WorkingCalendar calendar, int dueSoonWorkingDays)
    {
        Id = record.Id;
        SourceDocumentId = record.SourceDocumentId;
        SourceDocumentNumber = record.SourceDocumentNumber;
        Content = record.Content;
        LeadUnit = record.LeadUnit;
        SupportingUnits = string.Join(',', record.SupportingUnits);
        Deadline = record.Deadline;
        DueSoonFrom = record.Deadline is { } due ? calendar.DueSoonFrom(due, dueSoonWorkingDays) : null;
        CompletedOn = record.CompletedOn;
        AssignedBy = record.AssignedBy;
        Secrecy = record.Secrecy;
        State = record.Status;
        Percent = record.Percent;
        CreatedAtUtc = record.CreatedAt.UtcDateTime;
        UpdatedAtUtc = record.History[^1].At.UtcDateTime;
        Version = record.History.Count;
    }
}
