using System.Text.Json.Serialization;
using Platform.ServiceDefaults.Errors;

namespace Platform.Gazette.Domain;

/// <summary>
/// An issue of the gazette (số công báo). Composed as a draft; numbered, rendered, signed
/// and frozen when published. A published issue is never changed: a correction is a new
/// issue that names the one it corrects (số đính chính).
/// </summary>
public sealed class GazetteIssue
{
    public Guid Id { get; init; }
    public IssueStatus Status { get; private set; } = IssueStatus.Draft;
    /// <summary>Set at publishing: numbers run within the year the issue comes out.</summary>
    public int? Year { get; private set; }
    public int? FirstNumber { get; private set; }
    /// <summary>1, or 2 for a combined issue ("Số 12 + 13").</summary>
    public int NumberCount { get; private set; } = 1;
    public DateOnly? PublishedDate { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }
    public string? PublishedBy { get; private set; }
    public Guid? CorrectsIssueId { get; init; }
    /// <summary>What the correction says (nội dung đính chính), printed in the issue.</summary>
    public string? CorrectionNote { get; private set; }
    public DateTime CreatedAtUtc { get; init; }
    public required string CreatedBy { get; init; }
    public Guid? PdfFileId { get; private set; }
    public Guid? SignatureFileId { get; private set; }
    public List<IssueDocument> Documents { get; init; } = [];
    /// <summary>Bumped by every change, so two editors acting on one draft at once cannot both win.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<int> Numbers => FirstNumber is { } first ? Enumerable.Range(first, NumberCount).ToArray() : [];

    /// <summary>"Số 12" or "Số 12 + 13"; "Dự thảo" while a draft.</summary>
    public string Label => FirstNumber is null ? "Dự thảo" : "Số " + string.Join(" + ", Numbers);

    public void Compose(IReadOnlyList<GazetteEntry> entries, bool combined, string? correctionNote)
    {
        EnsureDraft();
        if (entries.Count == 0 && CorrectsIssueId is null)
            throw new DomainRuleException("Số công báo phải có ít nhất một văn bản.", 400, "issue-empty");
        if (CorrectsIssueId is not null && string.IsNullOrWhiteSpace(correctionNote))
            throw new DomainRuleException("Số đính chính phải ghi nội dung đính chính.", 400, "correction-note-missing");
        foreach (var entry in entries)
        {
            if (entry.Status != EntryStatus.Received)
                throw new DomainRuleException($"Văn bản {entry.NumberAndCode} không ở trạng thái đã tiếp nhận.", code: "entry-not-received");
            if (entry.IssueId is { } other && other != Id)
                throw new DomainRuleException($"Văn bản {entry.NumberAndCode} đã nằm trong một số công báo khác.", code: "entry-in-issue");
            if (string.IsNullOrWhiteSpace(entry.Text))
                throw new DomainRuleException($"Văn bản {entry.NumberAndCode} chưa có nội dung để đăng.", 400, "entry-without-text");
        }
        Documents.RemoveAll(d => entries.All(e => e.Id != d.EntryId));
        for (var i = 0; i < entries.Count; i++)
        {
            var placed = Documents.FirstOrDefault(d => d.EntryId == entries[i].Id);
            if (placed is null) Documents.Add(placed = new IssueDocument { IssueId = Id, EntryId = entries[i].Id });
            placed.Position = i + 1;
        }
        NumberCount = combined ? 2 : 1;
        CorrectionNote = correctionNote;
        Revision++;
    }

    /// <summary>Freezes the issue under the numbers taken from the yearly series.</summary>
    public void Publish(int year, int firstNumber, DateOnly date, DateTime atUtc, string by)
    {
        EnsureDraft();
        Status = IssueStatus.Published;
        Year = year;
        FirstNumber = firstNumber;
        PublishedDate = date;
        PublishedAtUtc = atUtc;
        PublishedBy = by;
        Revision++;
    }

    public void AttachPdf(StoredFile pdf, StoredFile signature)
    {
        PdfFileId = pdf.Id;
        SignatureFileId = signature.Id;
    }

    public void EnsureDraft()
    {
        if (Status != IssueStatus.Draft)
            throw new DomainRuleException("Số công báo đã phát hành, không thể thay đổi; hãy phát hành số đính chính.", code: "issue-published");
    }
}

/// <summary>A document's place in an issue, and its own signed extract once published.</summary>
public sealed class IssueDocument
{
    public Guid IssueId { get; init; }
    public Guid EntryId { get; init; }
    public int Position { get; set; }
    public Guid? PdfFileId { get; set; }
    public Guid? SignatureFileId { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<IssueStatus>))]
public enum IssueStatus
{
    /// <summary>Dự thảo.</summary>
    Draft = 0,
    /// <summary>Đã phát hành.</summary>
    Published = 1,
}
