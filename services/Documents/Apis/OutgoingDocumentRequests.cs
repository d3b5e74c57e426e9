using Platform.Contracts;
using Platform.Documents.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Apis;

/// <summary>What a specialist enters to start a draft.</summary>
public sealed record CreateOutgoingDocumentRequest(
    string? DocumentType,
    string? Subject,
    Urgency Urgency,
    Secrecy Secrecy,
    string[]? Recipients,
    int? CopyCount,
    bool IsPublic,
    bool IsLegalNormative,
    Guid? ReplacesId)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        RegisterIncomingDocumentRequest.Require(errors, nameof(DocumentType), DocumentType, 100, "Loại văn bản");
        if (!errors.ContainsKey(nameof(DocumentType)) && DocumentTypes.Find(DocumentType) is null)
        {
            errors[nameof(DocumentType)] = [$"Loại văn bản \"{DocumentType}\" không có trong danh mục của Nghị định 30/2020/NĐ-CP."];
        }
        RegisterIncomingDocumentRequest.Require(errors, nameof(Subject), Subject, 500, "Trích yếu");
        if (Recipients is { Length: > 200 } || Recipients?.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > 250) == true)
        {
            errors[nameof(Recipients)] = ["Nơi nhận không hợp lệ (tối đa 200 nơi nhận, mỗi nơi tối đa 250 ký tự)."];
        }
        if (CopyCount is < 1 or > 10_000) errors[nameof(CopyCount)] = ["Số lượng bản phải từ 1 đến 10000."];
        if (!Enum.IsDefined(Urgency)) errors[nameof(Urgency)] = ["Độ khẩn không hợp lệ."];
        if (!Enum.IsDefined(Secrecy)) errors[nameof(Secrecy)] = ["Độ mật không hợp lệ."];
        return errors;
    }

    public List<string> NormalizedRecipients() => (Recipients ?? []).Select(r => r.Nfc()).Distinct().ToList();
}

/// <summary>Changes to a draft; null leaves a field as it is.</summary>
public sealed record UpdateOutgoingDocumentRequest(string? Subject, Urgency? Urgency, string[]? Recipients, int? CopyCount, bool? IsPublic, bool? IsLegalNormative);

/// <summary>A reason, for returning a draft or recalling a document.</summary>
public sealed record ReasonRequest(string? Reason);

/// <summary>The leader's name and position as printed under the signature, with the authority prefix (TM., KT., Q., TL., TUQ.).</summary>
public sealed record SignRequest(string? SignerName, string? SignerPosition);

/// <summary>The clerk may settle at issue whether the document goes to the portal.</summary>
public sealed record IssueRequest(bool? IsPublic);

/// <summary>An outgoing document as the API shows it.</summary>
public sealed record OutgoingDocumentView(
    Guid Id, string DocumentType, string Subject, Urgency Urgency, Secrecy Secrecy, bool IsPublic, bool IsLegalNormative,
    string DraftingUnit, string DraftedBy, DateTime CreatedAtUtc, IReadOnlyList<string> Recipients, int CopyCount,
    string Status, string StatusLabel, string? ReturnReason, string? ReviewedBy, string? ApprovedBy,
    string? SignerName, string? SignerPosition, DateTime? SignedAtUtc,
    int? Year, int? Number, string? NumberAndCode, DateOnly? IssuedDate, DateTime? IssuedAtUtc, string? IssuedBy,
    DateTime? FiledAtUtc, DateTime? RecalledAtUtc, string? RecalledBy, string? RecallReason,
    Guid? ReplacesId, Guid? ReplacedById, IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<string> AvailableActions)
{
    public static OutgoingDocumentView From(OutgoingDocument d, IEnumerable<Attachment> attachments, Guid? replacedById, Actor? actor) => new(
        d.Id, d.DocumentType, d.Subject, d.Urgency, d.Secrecy, d.IsPublic, d.IsLegalNormative,
        d.DraftingUnit, d.DraftedBy, d.CreatedAtUtc, d.Recipients, d.CopyCount,
        d.Status.ToString(), d.Status.Label(), d.ReturnReason, d.ReviewedBy, d.ApprovedBy,
        d.SignerName, d.SignerPosition, d.SignedAtUtc,
        d.Year, d.Number, d.NumberAndCode, d.IssuedDate, d.IssuedAtUtc, d.IssuedBy,
        d.FiledAtUtc, d.RecalledAtUtc, d.RecalledBy, d.RecallReason,
        d.ReplacesId, replacedById, attachments.Select(AttachmentView.From).ToArray(),
        actor is null ? [] : OutgoingFlow.Available(d.Status, actor).Select(a => a.ToString()).ToArray());
}

/// <summary>A file of a document, without its bytes.</summary>
public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Length, string Sha256, bool IsMain, bool HasText, DateTime UploadedAtUtc)
{
    public static AttachmentView From(Attachment a) => new(a.Id, a.FileName, a.ContentType, a.Length, a.Sha256, a.IsMain, a.ExtractedText is not null, a.UploadedAtUtc);
}

/// <summary>One line of a document's audit trail.</summary>
public sealed record AuditEntryView(DateTime AtUtc, string Action, string? FromStatus, string? ToStatus, string Actor, string? ActorUnit, string? IpAddress, string? Detail)
{
    public static AuditEntryView From(AuditEntry e) => new(e.AtUtc, e.Action, e.FromStatus, e.ToStatus, e.Actor, e.ActorUnit, e.IpAddress, e.Detail);
}
