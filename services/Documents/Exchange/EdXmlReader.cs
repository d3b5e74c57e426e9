using System.Xml;
using System.Xml.Linq;
using Platform.Documents.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Exchange;

/// <summary>
/// Reads an edXML package from another agency and checks it before anything is stored: the namespace,
/// the envelope schema, that the manifest and the attachments match one to one, and every file's hash.
/// Whether the carried signatures are trusted is the receiver's next step (it needs its trust store).
/// </summary>
public static class EdXmlReader
{
    private static readonly XNamespace E = EdXml.Ns;

    public static EdXmlPackage Read(Stream stream) => Read(Load(stream));

    /// <summary>Parses XML from outside safely; the caller decides whether it is a document or a status package.</summary>
    public static XDocument Load(Stream stream)
    {
        try
        {
            // No DTDs: a package from outside must not make us fetch or expand entities.
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new EdXmlException([$"không phải XML hợp lệ: {e.Message}"]);
        }
    }

    public static EdXmlPackage Read(XDocument document)
    {
        if (document.Root?.Name != E + "edXML")
        {
            throw new EdXmlException([$"phần tử gốc phải là edXML trong không gian tên {EdXml.Namespace}, gói tin có {document.Root?.Name}"]);
        }
        var schemaErrors = EdXmlSchema.Validate(document);
        if (schemaErrors.Count > 0) throw new EdXmlException(schemaErrors);

        var root = document.Root;
        var envelope = root.Element(E + "edXMLEnvelope")!;
        var header = envelope.Element(E + "edXMLHeader")!;
        var messageHeader = ReadMessageHeader(header.Element(E + "MessageHeader")!);
        var trace = ReadTrace(header.Element(E + "TraceHeaderList")!);
        var references = envelope.Element(E + "edXMLBody")!.Element(E + "Manifest")!.Elements(E + "Reference").ToList();
        var encoded = root.Element(E + "AttachmentEncoded")!.Elements(E + "Attachment").ToList();

        var problems = new List<string>();
        var attachments = ReadAttachments(references, encoded, problems);
        var signatures = (header.Element(E + "Signature")?.Elements(E + "CmsSignature") ?? []).Select(ReadSignature).ToList();
        foreach (var signature in signatures.Where(s => attachments.All(a => a.ContentId != s.ContentId)))
        {
            problems.Add($"chữ ký số tham chiếu tệp {signature.ContentId} không có trong gói tin");
        }
        if (!messageHeader.DocumentId.StartsWith(messageHeader.From.OrganId + ",", StringComparison.Ordinal))
        {
            problems.Add($"DocumentId {messageHeader.DocumentId} không bắt đầu bằng mã cơ quan gửi {messageHeader.From.OrganId}");
        }
        if (problems.Count > 0) throw new EdXmlException(problems);
        return new EdXmlPackage(messageHeader, trace, attachments, signatures);
    }

    private static List<PackageAttachment> ReadAttachments(List<XElement> references, List<XElement> encoded, List<string> problems)
    {
        var byId = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in encoded)
        {
            var id = Text(element, "ContentId");
            if (!byId.TryAdd(id, element)) problems.Add($"tệp đính kèm {id} xuất hiện hai lần");
        }
        var attachments = new List<PackageAttachment>();
        foreach (var reference in references)
        {
            var id = Text(reference, "ContentId");
            if (!byId.Remove(id, out var element))
            {
                problems.Add($"Manifest tham chiếu tệp {id} nhưng gói tin không mang tệp đó");
                continue;
            }
            byte[] content;
            try { content = Convert.FromBase64String(Text(element, "Value")); }
            catch (FormatException) { problems.Add($"tệp {id} không mã hóa base64 hợp lệ"); continue; }
            var attachment = new PackageAttachment(id, Text(reference, "AttachmentName").Nfc(), Text(reference, "ContentType"),
                reference.Element(E + "Description")?.Value.NfcOrNull(), content);
            if (!string.Equals(attachment.Sha256, Text(reference, "Sha256"), StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"tệp \"{attachment.Name}\" ({id}) không khớp mã băm SHA-256: tệp đã bị thay đổi trên đường truyền");
            }
            attachments.Add(attachment);
        }
        problems.AddRange(byId.Keys.Select(id => $"tệp {id} không có trong Manifest"));
        return attachments;
    }

    private static MessageHeader ReadMessageHeader(XElement h)
    {
        var code = h.Element(E + "Code")!;
        var promulgation = h.Element(E + "PromulgationInfo")!;
        var type = h.Element(E + "DocumentType")!;
        var signer = h.Element(E + "SignerInfo")!;
        var other = h.Element(E + "OtherInfo")!;
        return new MessageHeader(
            ReadOrganization(h.Element(E + "From")!),
            // The standard allows several To; a package addressed to us names us among them, the first is kept.
            ReadOrganization(h.Element(E + "To")!),
            new DocumentCode(Text(code, "CodeNumber"), Text(code, "CodeNotation")),
            Text(promulgation, "Place").Nfc(),
            Date(promulgation.Element(E + "PromulgationDate")!),
            XmlConvert.ToInt32(Text(type, "Type")),
            Text(type, "TypeName").Nfc(),
            Text(h, "Subject").Nfc(),
            h.Element(E + "Content")?.Value.NfcOrNull(),
            new SignerInfo(signer.Element(E + "Competence")?.Value.Nfc() ?? "", Text(signer, "Position").Nfc(), Text(signer, "FullName").Nfc()),
            h.Element(E + "DueDate") is { } due ? Date(due) : null,
            (h.Element(E + "ToPlaces")?.Elements(E + "Place") ?? []).Select(p => p.Value.Nfc()).Where(p => p.Length > 0).ToList(),
            new OtherInfo(
                XmlConvert.ToInt32(Text(other, "Priority")),
                other.Element(E + "SphereOfPromulgation")?.Value.Nfc() ?? "",
                XmlConvert.ToInt32(Text(other, "PromulgationAmount")),
                XmlConvert.ToInt32(Text(other, "PageAmount"))),
            h.Element(E + "SteeringType") is { } steering ? XmlConvert.ToInt32(steering.Value.Trim()) : 0,
            Text(h, "DocumentId"));
    }

    private static TraceHeaderList ReadTrace(XElement list)
    {
        var traces = list.Elements(E + "TraceHeader")
            .Select(t => new TraceHeader(Text(t, "OrganId"), XmlConvert.ToDateTimeOffset(Text(t, "Timestamp"))))
            .ToList();
        var business = list.Element(E + "Bussiness")!;
        var replaced = business.Element(E + "BussinessReplacementInfoList")?.Element(E + "ReplacementInfo")?.Element(E + "DocumentId")?.Value.Trim();
        return new TraceHeaderList(traces, (BusinessKind)XmlConvert.ToInt32(Text(business, "BussinessDocType")),
            business.Element(E + "BussinessDocReason")?.Value.NfcOrNull(), string.IsNullOrEmpty(replaced) ? null : replaced);
    }

    private static PackageSignature ReadSignature(XElement s) => new(
        Text(s, "ContentId"),
        Enum.Parse<SignatureKind>(Text(s, "Kind")),
        Text(s, "SignerSubject"),
        Text(s, "CertificateThumbprint"),
        XmlConvert.ToDateTimeOffset(Text(s, "SigningTime")).UtcDateTime,
        Convert.FromBase64String(Text(s, "Value")));

    private static Organization ReadOrganization(XElement o) =>
        new(Text(o, "OrganId"), o.Element(E + "OrganizationInCharge")?.Value.Nfc() ?? "", Text(o, "OrganName").Nfc());

    /// <summary>The day as written: an xs:date offset ("2026-11-20+07:00") must not move it to another day.</summary>
    private static DateOnly Date(XElement element) =>
        DateOnly.ParseExact(element.Value.Trim()[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(XElement parent, string name) => parent.Element(E + name)?.Value.Trim() ?? "";
}
