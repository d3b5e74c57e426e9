using Platform.Contracts;
using Platform.Documents.Domain;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Exchange;

/// <summary>A stored file of the document and its bytes, as read from the file store.</summary>
public sealed record PackageFile(Attachment Attachment, byte[] Content);

/// <summary>What the document itself does not say but the envelope needs.</summary>
/// <param name="Place">Địa danh of the issuing body, as printed under the national motto.</param>
/// <param name="PageAmount">Số trang of the main file.</param>
/// <param name="SteeringType">The standard's chỉ đạo marker; 0 for an ordinary document.</param>
public sealed record PackageOptions(
    string Place,
    int PageAmount,
    BusinessKind Kind = BusinessKind.New,
    string? Reason = null,
    string SphereOfPromulgation = "",
    string? Content = null,
    DateOnly? DueDate = null,
    int SteeringType = 0,
    string? ReplacesDocumentId = null);

/// <summary>
/// Builds the edXML package of an issued outgoing document for one recipient. Secret documents are
/// refused here, at the one place every package is made, so no path can send one (Nghị định 30/2020).
/// </summary>
public static class EdXmlPackageBuilder
{
    /// <summary>Type code of the standard: 1 legal normative (văn bản quy phạm pháp luật), 2 administrative.</summary>
    public const int LegalNormativeType = 1;
    public const int AdministrativeType = 2;

    public static EdXmlPackage Build(
        OutgoingDocument document,
        IReadOnlyList<PackageFile> files,
        IReadOnlyList<DocumentSignature> signatures,
        Organization from,
        Organization to,
        PackageOptions options,
        DateTimeOffset now)
    {
        if (document.Secrecy != Secrecy.None)
        {
            throw new DomainRuleException("Văn bản mật không được gửi qua trục liên thông văn bản điện tử.", 422, "secret-not-exchanged");
        }
        if (document.NumberAndCode is null || document.IssuedDate is null || document.SignerName is null)
        {
            throw new DomainRuleException("Chỉ gửi liên thông được văn bản đã ký số, cấp số và phát hành.", 409, "not-issued");
        }
        if (options.Kind == BusinessKind.New && document.Status == OutgoingStatus.Recalled)
        {
            throw new DomainRuleException("Văn bản đã thu hồi không được gửi mới.", 409, "recalled");
        }
        if (options.Kind != BusinessKind.New && string.IsNullOrWhiteSpace(options.Reason))
        {
            throw new DomainRuleException("Yêu cầu thu hồi, cập nhật hay thay thế văn bản phải nêu lý do.", 422, "reason-required");
        }
        AgencyCode.Ensure(from.OrganId);
        AgencyCode.Ensure(to.OrganId);
        if (!files.Any(f => f.Attachment.IsMain))
        {
            throw new DomainRuleException("Văn bản chưa có tệp văn bản chính để gửi.", 422, "no-main-file");
        }

        var attachments = files.Select(ToAttachment).ToList();
        var code = DocumentCode.Parse(document.NumberAndCode);
        var (competence, position) = SplitPosition(document.SignerPosition ?? "");
        var header = new MessageHeader(
            Normalize(from), Normalize(to), code,
            options.Place.Nfc(), document.IssuedDate.Value,
            document.IsLegalNormative ? LegalNormativeType : AdministrativeType, document.Type.Name,
            document.Subject.Nfc(), options.Content.NfcOrNull(),
            new SignerInfo(competence, position, document.SignerName.Nfc()),
            options.DueDate,
            document.Recipients.Select(r => r.Nfc()).ToList(),
            new OtherInfo(Priority(document.Urgency), options.SphereOfPromulgation.Nfc(), document.CopyCount, options.PageAmount),
            options.SteeringType,
            EdXml.DocumentId(from.OrganId, document.IssuedDate.Value, code));
        if (options.Kind == BusinessKind.Replace && options.ReplacesDocumentId is null)
        {
            throw new DomainRuleException("Gói tin thay thế phải nêu văn bản bị thay thế.", 422, "replaced-document-required");
        }
        var trace = new TraceHeaderList([new TraceHeader(from.OrganId, now)], options.Kind, options.Reason.NfcOrNull(),
            options.Kind == BusinessKind.Replace ? options.ReplacesDocumentId : null);
        return new EdXmlPackage(header, trace, attachments, signatures.Select(s => ToSignature(s, attachments)).ToList());
    }

    /// <summary>QCVN 102 priority codes: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ.</summary>
    public static int Priority(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => 1,
        Urgency.VeryUrgent => 2,
        Urgency.Flash => 3,
        Urgency.FlashScheduled => 4,
        _ => 0,
    };

    public static Urgency UrgencyOf(int priority) => priority switch
    {
        1 => Urgency.Urgent,
        2 => Urgency.VeryUrgent,
        3 => Urgency.Flash,
        4 => Urgency.FlashScheduled,
        _ => Urgency.Normal,
    };

    /// <summary>"KT. CHỦ TỊCH - PHÓ CHỦ TỊCH" is the competence (thẩm quyền) and then the signer's own position.</summary>
    public static (string Competence, string Position) SplitPosition(string signerPosition)
    {
        var parts = signerPosition.Nfc().Split(" - ", 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? (parts[0], parts[1]) : ("", parts[0]);
    }

    private static Organization Normalize(Organization o) => new(o.OrganId, o.OrganizationInCharge.Nfc(), o.OrganName.Nfc());

    private static PackageAttachment ToAttachment(PackageFile file)
    {
        var attachment = new PackageAttachment(file.Attachment.Id.ToString("N"), file.Attachment.FileName.Nfc(), file.Attachment.ContentType,
            file.Attachment.IsMain ? "Tệp văn bản chính" : "Phụ lục", file.Content);
        // The store keeps files under their hash: a mismatch means the bytes read are not the ones signed.
        if (!string.Equals(attachment.Sha256, file.Attachment.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainRuleException($"Tệp \"{file.Attachment.FileName}\" không khớp mã băm đã lưu.", 409, "file-hash-mismatch");
        }
        return attachment;
    }

    private static PackageSignature ToSignature(DocumentSignature signature, IReadOnlyList<PackageAttachment> attachments)
    {
        var signed = attachments.FirstOrDefault(a => string.Equals(a.Sha256, signature.FileSha256, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainRuleException("Chữ ký số của văn bản không khớp với tệp nào được gửi.", 409, "signature-file-missing");
        return new PackageSignature(signed.ContentId, signature.Kind, signature.SignerSubject, signature.CertificateThumbprint, signature.SignedAtUtc, signature.Cms);
    }
}
