using Platform.Documents.Domain;

namespace Platform.Documents.Exchange;

/// <summary>
/// One edXML package (gói tin edXML, QCVN 102:2016/BTTTT): one document from one agency to one
/// recipient, with its files and the CMS signatures of the issued document.
/// </summary>
public sealed record EdXmlPackage(
    MessageHeader Header,
    TraceHeaderList Trace,
    IReadOnlyList<PackageAttachment> Attachments,
    IReadOnlyList<PackageSignature> Signatures);

/// <summary>An agency as the envelope names it (From, To).</summary>
public sealed record Organization(string OrganId, string OrganizationInCharge, string OrganName);

/// <summary>Số and ký hiệu apart: `05/QĐ-UBND` is CodeNumber 05, CodeNotation QĐ-UBND.</summary>
public sealed record DocumentCode(string CodeNumber, string CodeNotation)
{
    public static DocumentCode Parse(string numberAndCode)
    {
        var slash = numberAndCode.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? new DocumentCode(numberAndCode, "") : new DocumentCode(numberAndCode[..slash], numberAndCode[(slash + 1)..]);
    }

    public override string ToString() => CodeNotation.Length == 0 ? CodeNumber : $"{CodeNumber}/{CodeNotation}";
}

/// <summary>Thẩm quyền ký (TM., KT., Q., TL., TUQ. and the body), chức vụ and họ tên of the signer.</summary>
public sealed record SignerInfo(string Competence, string Position, string FullName);

/// <summary>Priority follows the standard's codes (0 normal ... 4 flash at a set time); amounts are copies and pages.</summary>
public sealed record OtherInfo(int Priority, string SphereOfPromulgation, int PromulgationAmount, int PageAmount);

public sealed record MessageHeader(
    Organization From,
    Organization To,
    DocumentCode Code,
    string Place,
    DateOnly PromulgationDate,
    int Type,
    string TypeName,
    string Subject,
    string? Content,
    SignerInfo Signer,
    DateOnly? DueDate,
    IReadOnlyList<string> ToPlaces,
    OtherInfo Other,
    int SteeringType,
    string DocumentId);

/// <summary>Who handled the package on its way, and what the sender asks of it.</summary>
/// <param name="ReplacesDocumentId">For a replacement (3): the DocumentId of the document it replaces (BussinessReplacementInfoList).</param>
public sealed record TraceHeaderList(IReadOnlyList<TraceHeader> Traces, BusinessKind Kind, string? Reason, string? ReplacesDocumentId = null);

public sealed record TraceHeader(string OrganId, DateTimeOffset Timestamp);

/// <summary>A file carried base64-encoded, referenced from the body's manifest by its content id.</summary>
public sealed record PackageAttachment(string ContentId, string Name, string ContentType, string? Description, byte[] Content)
{
    public string Sha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content));
}

/// <summary>A detached CMS signature carried with the document, over the attachment it names.</summary>
public sealed record PackageSignature(
    string ContentId,
    SignatureKind Kind,
    string SignerSubject,
    string CertificateThumbprint,
    DateTime SignedAtUtc,
    byte[] Cms);
