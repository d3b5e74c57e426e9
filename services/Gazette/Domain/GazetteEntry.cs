using System.Text.Json.Serialization;
using Platform.ServiceDefaults.Errors;

namespace Platform.Gazette.Domain;

/// <summary>
/// A legal normative document (văn bản quy phạm pháp luật) received for the gazette (công
/// báo), entered in the gazette register with the day it arrived and its two deadlines.
/// </summary>
public sealed class GazetteEntry
{
    public Guid Id { get; init; }
    /// <summary>The document on the platform; none for a document sent in by hand.</summary>
    public Guid? DocumentId { get; init; }
    public EntrySource Source { get; init; }
    public required string NumberAndCode { get; set; }
    public required string DocumentType { get; set; }
    public required string Subject { get; set; }
    /// <summary>Cơ quan ban hành.</summary>
    public required string IssuingBody { get; set; }
    public string? SignerName { get; set; }
    public DateOnly SignedDate { get; set; }
    public DateOnly ReceivedDate { get; init; }
    public DateTime ReceivedAtUtc { get; init; }
    /// <summary>The issuing body had to send it by this day.</summary>
    public DateOnly SendBy { get; set; }
    /// <summary>The gazette has to publish it by this day.</summary>
    public DateOnly PublishBy { get; init; }
    public bool SentLate { get; set; }
    [JsonInclude] public EntryStatus Status { get; private set; } = EntryStatus.Received;
    /// <summary>The text printed in the issue.</summary>
    [JsonInclude] public string? Text { get; private set; }
    /// <summary>The signed original as received (bản gốc), kept as it came.</summary>
    [JsonInclude] public Guid? OriginalFileId { get; private set; }
    [JsonInclude] public string? OriginalFileName { get; private set; }
    /// <summary>1 for the original received, one more for each corrected original.</summary>
    [JsonInclude] public int Version { get; private set; } = 1;
    [JsonInclude] public string? LastError { get; private set; }
    /// <summary>The issue it is placed in (draft or published).</summary>
    public Guid? IssueId { get; set; }
    /// <summary>The most urgent deadline state already announced, so each is announced once.</summary>
    public DeadlineState AnnouncedState { get; set; }
    [JsonIgnore] public string SearchText { get; set; } = "";
    [JsonIgnore] public List<EntryHistory> History { get; init; } = [];

    public bool CanBePublished => Status == EntryStatus.Received && !string.IsNullOrWhiteSpace(Text);

    public void AttachOriginal(string? text, StoredFile? file)
    {
        if (text is not null) Text = text;
        if (file is not null)
        {
            OriginalFileId = file.Id;
            OriginalFileName = file.FileName;
        }
    }

    /// <summary>The editor found an error and sends the document back to its issuer (trả lại).</summary>
    public void ReturnToIssuer(string error, string by, DateTime atUtc)
    {
        if (Status == EntryStatus.Published) throw new DomainRuleException("Văn bản đã đăng công báo, không thể trả lại.", code: "entry-published");
        if (Status == EntryStatus.Returned) throw new DomainRuleException("Văn bản đã được trả lại cơ quan ban hành.", code: "entry-returned");
        if (IssueId is not null) throw new DomainRuleException("Văn bản đang nằm trong một số công báo; hãy bỏ ra khỏi số đó trước khi trả lại.", code: "entry-in-issue");
        Status = EntryStatus.Returned;
        LastError = error;
        History.Add(EntryHistory.Record(this, EntryAction.Returned, by, atUtc, error));
    }

    /// <summary>The issuer's corrected original (bản gốc đã sửa) replaces the one received; the old one stays in the history.</summary>
    public void ReplaceOriginal(string text, StoredFile? file, string by, DateTime atUtc, string? note)
    {
        if (Status != EntryStatus.Returned) throw new DomainRuleException("Chỉ thay bản gốc của văn bản đã trả lại để sửa lỗi.", code: "entry-not-returned");
        History.Add(EntryHistory.Record(this, EntryAction.Replaced, by, atUtc, note));
        Version++;
        Text = text;
        if (file is not null)
        {
            OriginalFileId = file.Id;
            OriginalFileName = file.FileName;
        }
        LastError = null;
        Status = EntryStatus.Received;
    }

    public void MarkPublished(string by, DateTime atUtc, string issueLabel)
    {
        Status = EntryStatus.Published;
        History.Add(EntryHistory.Record(this, EntryAction.Published, by, atUtc, issueLabel));
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<EntrySource>))]
public enum EntrySource
{
    /// <summary>Announced by the Documents service when issued.</summary>
    Platform = 0,
    /// <summary>Sent in by hand by a body not on the platform.</summary>
    Manual = 1,
}

[JsonConverter(typeof(JsonStringEnumConverter<EntryStatus>))]
public enum EntryStatus
{
    /// <summary>Đã tiếp nhận.</summary>
    Received = 0,
    /// <summary>Trả lại để sửa lỗi.</summary>
    Returned = 1,
    /// <summary>Đã đăng công báo.</summary>
    Published = 2,
}
