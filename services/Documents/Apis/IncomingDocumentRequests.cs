using Platform.Contracts;
using Platform.Documents.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Apis;

/// <summary>What a clerk enters to register an incoming document.</summary>
public sealed record RegisterIncomingDocumentRequest(
    string? IssuingBody,
    string? NumberAndCode,
    DateOnly? DocumentDate,
    string? DocumentType,
    string? Subject,
    Urgency Urgency,
    Secrecy Secrecy,
    int PageCount,
    string? Signer,
    bool ConfirmDuplicate = false)
{
    /// <summary>Field errors in Vietnamese, keyed by field name; empty when the request is valid.</summary>
    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        Require(errors, nameof(IssuingBody), IssuingBody, 250, "Cơ quan ban hành");
        Require(errors, nameof(NumberAndCode), NumberAndCode, 42, "Số, ký hiệu");
        Require(errors, nameof(DocumentType), DocumentType, 100, "Loại văn bản");
        Require(errors, nameof(Subject), Subject, 500, "Trích yếu");
        if (DocumentDate is null) errors[nameof(DocumentDate)] = ["Ngày văn bản là bắt buộc."];
        else if (DocumentDate > today) errors[nameof(DocumentDate)] = ["Ngày văn bản không được sau ngày đến."];
        else if (DocumentDate < new DateOnly(1945, 9, 2)) errors[nameof(DocumentDate)] = ["Ngày văn bản không hợp lệ."];
        if (PageCount is < 0 or > 100_000) errors[nameof(PageCount)] = ["Số trang phải từ 0 đến 100000."];
        if (Signer is { Length: > 200 }) errors[nameof(Signer)] = ["Người ký tối đa 200 ký tự."];
        if (!Enum.IsDefined(Urgency)) errors[nameof(Urgency)] = ["Độ khẩn không hợp lệ."];
        if (!Enum.IsDefined(Secrecy)) errors[nameof(Secrecy)] = ["Độ mật không hợp lệ."];
        return errors;
    }

    internal static void Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = [$"{label} là bắt buộc."];
        else if (value.Nfc().Length > maxLength) errors[field] = [$"{label} tối đa {maxLength} ký tự."];
    }
}

/// <summary>A leader's direction (ý kiến chỉ đạo) on an incoming document.</summary>
public sealed record RecordDirectionRequest(string? Direction, string? LeadUnit, string[]? SupportingUnits, DateOnly? Deadline)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        RegisterIncomingDocumentRequest.Require(errors, nameof(Direction), Direction, 2000, "Ý kiến chỉ đạo");
        RegisterIncomingDocumentRequest.Require(errors, nameof(LeadUnit), LeadUnit, 50, "Đơn vị chủ trì");
        if (SupportingUnits is { Length: > 30 } || SupportingUnits?.Any(u => string.IsNullOrWhiteSpace(u) || u.Length > 50 || u.Contains(',')) == true)
        {
            errors[nameof(SupportingUnits)] = ["Đơn vị phối hợp không hợp lệ (tối đa 30 đơn vị, mỗi mã tối đa 50 ký tự)."];
        }
        return errors;
    }
}

/// <summary>The clerk hands the document on to a unit or person.</summary>
public sealed record HandOnRequest(string? To);

/// <summary>The lead unit's progress report, with the reply document's number when there is one.</summary>
public sealed record ProgressRequest(string? Progress, string? ReplyNumberAndCode, bool Done);

/// <summary>
/// An incoming document as the API shows it. Attachments (tệp đính kèm) come with one document
/// (GET by id), not with lists, so a register page stays one query.
/// </summary>
public sealed record IncomingDocumentView(
    Guid Id, int Year, int ArrivalNumber, DateTime ArrivedAtUtc, bool ArrivalTimeRecorded,
    string IssuingBody, string NumberAndCode, DateOnly DocumentDate, string DocumentType, string Subject,
    Urgency Urgency, Secrecy Secrecy, int PageCount, string? Signer, string RegisteredBy, string RegisteredByUnit,
    string Status, string? Direction, string? LeadUnit, IReadOnlyList<string> SupportingUnits, DateOnly? Deadline,
    string? AssignedBy, Guid? DuplicateOf = null, DateTime? HandedOnAtUtc = null, string? HandedOnTo = null,
    string? Progress = null, string? ReplyNumberAndCode = null, DateTime? CompletedAtUtc = null, string? ReturnReason = null,
    string? StatusLabel = null, IReadOnlyList<AttachmentView>? Attachments = null)
{
    public static IncomingDocumentView From(IncomingDocument d) => new(
        d.Id, d.Year, d.ArrivalNumber, d.ArrivedAtUtc, d.ArrivalTimeRecorded, d.IssuingBody, d.NumberAndCode,
        d.DocumentDate, d.DocumentType, d.Subject, d.Urgency, d.Secrecy, d.PageCount, d.Signer, d.RegisteredBy,
        d.RegisteredByUnit, d.Status.ToString(), d.Direction, d.LeadUnit, d.SupportingUnitList(), d.Deadline, d.AssignedBy,
        d.DuplicateOf, d.HandedOnAtUtc, d.HandedOnTo, d.Progress, d.ReplyNumberAndCode, d.CompletedAtUtc, d.ReturnReason,
        d.Status.Label());
}
