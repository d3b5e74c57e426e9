using System.Xml;
using System.Xml.Linq;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Exchange;

/// <summary>
/// A status package (gói tin trạng thái, QCVN 102:2016): the receiver tells the sender where its
/// document stands, by the feedback code, with a reason for a refusal.
/// </summary>
/// <param name="DocumentId">The sender's DocumentId the status is about (ResponseFor).</param>
public sealed record StatusPackage(
    string DocumentId,
    Organization From,
    FeedbackStatus Status,
    string? Description,
    DateTimeOffset Timestamp,
    string? Staff = null)
{
    private static readonly XNamespace E = EdXml.Ns;

    /// <summary>The sender's agency code: the first part of its DocumentId.</summary>
    public string SenderCode => DocumentId.Split(',', 2)[0];

    /// <summary>True when the document is a status package rather than a document package.</summary>
    public static bool IsStatus(XDocument document) => document.Root?.Name == E + "edXMLEnvelope";

    public XDocument Write() => new(new XDeclaration("1.0", "utf-8", null),
        new XElement(E + "edXMLEnvelope", new XAttribute(XNamespace.Xmlns + "edXML", EdXml.Namespace),
            new XElement(E + "edXMLHeader",
                new XElement(E + "Status",
                    new XElement(E + "ResponseFor",
                        new XElement(E + "OrganId", SenderCode),
                        new XElement(E + "DocumentId", DocumentId)),
                    new XElement(E + "From",
                        new XElement(E + "OrganId", From.OrganId),
                        new XElement(E + "OrganizationInCharge", From.OrganizationInCharge),
                        new XElement(E + "OrganName", From.OrganName)),
                    new XElement(E + "StatusCode", Status.Code()),
                    new XElement(E + "Description", Description ?? Status.Label()),
                    new XElement(E + "Timestamp", EdXml.Timestamp(Timestamp)),
                    Staff is null ? null : new XElement(E + "StaffInfo", new XElement(E + "Staff", Staff)))),
            new XElement(E + "edXMLBody")));

    /// <summary>Reads and checks a status package against the schema; a refusal without reason is refused.</summary>
    public static StatusPackage Read(XDocument document)
    {
        var errors = EdXmlSchema.Validate(document);
        if (errors.Count > 0) throw new EdXmlException(errors);
        var status = document.Root!.Element(E + "edXMLHeader")!.Element(E + "Status")!;
        var from = status.Element(E + "From")!;
        var code = FeedbackCodes.Parse(Text(status, "StatusCode"))
            ?? throw new EdXmlException([$"mã trạng thái \"{Text(status, "StatusCode")}\" không có trong QCVN 102"]);
        var description = status.Element(E + "Description")?.Value.NfcOrNull();
        if (code.NeedsReason() && description is null) throw new EdXmlException([$"trạng thái {code.Code()} phải nêu lý do"]);
        return new StatusPackage(
            Text(status.Element(E + "ResponseFor")!, "DocumentId"),
            new Organization(Text(from, "OrganId"), from.Element(E + "OrganizationInCharge")?.Value.Nfc() ?? "", Text(from, "OrganName").Nfc()),
            code,
            description,
            XmlConvert.ToDateTimeOffset(Text(status, "Timestamp")),
            status.Element(E + "StaffInfo")?.Element(E + "Staff")?.Value.NfcOrNull());
    }

    private static string Text(XElement parent, string name) => parent.Element(E + name)?.Value.Trim() ?? "";
}
