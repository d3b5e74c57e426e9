using Platform.Contracts;
using Platform.Gazette.Domain;
using Platform.Gazette.Intake;

namespace Platform.Gazette.Apis;

/// <summary>A document sent in by hand, with its signed original, by a body not on the platform.</summary>
public sealed class ManualIntakeForm
{
    public string? NumberAndCode { get; set; }
    public string? DocumentType { get; set; }
    public string? Subject { get; set; }
    public string? IssuingBody { get; set; }
    public string? SignerName { get; set; }
    public DateOnly? SignedDate { get; set; }
    /// <summary>When it actually arrived, if entered later than that (a paper original received yesterday).</summary>
    public DateOnly? ReceivedDate { get; set; }
    public Secrecy Secrecy { get; set; }
    public string? Text { get; set; }

    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(NumberAndCode) || NumberAndCode.Length > 42) errors["numberAndCode"] = ["Phải có số, ký hiệu (tối đa 42 ký tự)."];
        if (string.IsNullOrWhiteSpace(DocumentType) || DocumentType.Length > 100) errors["documentType"] = ["Phải có tên loại văn bản (tối đa 100 ký tự)."];
        if (string.IsNullOrWhiteSpace(Subject) || Subject.Length > 500) errors["subject"] = ["Phải có trích yếu (tối đa 500 ký tự)."];
        if (string.IsNullOrWhiteSpace(IssuingBody) || IssuingBody.Length > 200) errors["issuingBody"] = ["Phải có cơ quan ban hành (tối đa 200 ký tự)."];
        if (SignerName is { Length: > 200 }) errors["signerName"] = ["Tên người ký tối đa 200 ký tự."];
        if (SignedDate is null || SignedDate > today) errors["signedDate"] = ["Phải có ngày ký, không sau hôm nay."];
        if (ReceivedDate is { } received && (received > today || (SignedDate is { } signed && received < signed)))
            errors["receivedDate"] = ["Ngày nhận phải từ ngày ký đến hôm nay."];
        return errors;
    }

    public ReceivedDocument ToReceived(StoredFile? original) => new(
        null, NumberAndCode!, DocumentType!, Subject!, IssuingBody!, SignerName, SignedDate!.Value, Secrecy, ReceivedDate, Text, original);
}
