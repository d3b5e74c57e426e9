using System.Globalization;
using System.Xml.Linq;

namespace Platform.Documents.Exchange;

/// <summary>Writes an <see cref="EdXmlPackage"/> as the edXML document the axes carry.</summary>
public static class EdXmlWriter
{
    private static readonly XNamespace E = EdXml.Ns;

    public static XDocument Write(EdXmlPackage package)
    {
        var h = package.Header;
        var messageHeader = new XElement(E + "MessageHeader",
            Organization("From", h.From),
            Organization("To", h.To),
            new XElement(E + "Code", new XElement(E + "CodeNumber", h.Code.CodeNumber), new XElement(E + "CodeNotation", h.Code.CodeNotation)),
            new XElement(E + "PromulgationInfo", new XElement(E + "Place", h.Place), new XElement(E + "PromulgationDate", EdXml.Date(h.PromulgationDate))),
            new XElement(E + "DocumentType", new XElement(E + "Type", Int(h.Type)), new XElement(E + "TypeName", h.TypeName)),
            new XElement(E + "Subject", h.Subject),
            h.Content is null ? null : new XElement(E + "Content", h.Content),
            new XElement(E + "SignerInfo",
                new XElement(E + "Competence", h.Signer.Competence),
                new XElement(E + "Position", h.Signer.Position),
                new XElement(E + "FullName", h.Signer.FullName)),
            h.DueDate is { } due ? new XElement(E + "DueDate", EdXml.Date(due)) : null,
            new XElement(E + "ToPlaces", h.ToPlaces.Select(p => new XElement(E + "Place", p))),
            new XElement(E + "OtherInfo",
                new XElement(E + "Priority", Int(h.Other.Priority)),
                new XElement(E + "SphereOfPromulgation", h.Other.SphereOfPromulgation),
                new XElement(E + "PromulgationAmount", Int(h.Other.PromulgationAmount)),
                new XElement(E + "PageAmount", Int(h.Other.PageAmount))),
            new XElement(E + "SteeringType", Int(h.SteeringType)),
            new XElement(E + "DocumentId", h.DocumentId));

        var trace = new XElement(E + "TraceHeaderList",
            package.Trace.Traces.Select(t => new XElement(E + "TraceHeader",
                new XElement(E + "OrganId", t.OrganId),
                new XElement(E + "Timestamp", EdXml.Timestamp(t.Timestamp)))),
            // "Bussiness" is how the standard spells it; other vendors' parsers look for exactly this.
            new XElement(E + "Bussiness",
                new XElement(E + "BussinessDocType", Int((int)package.Trace.Kind)),
                new XElement(E + "BussinessDocReason", package.Trace.Reason ?? ""),
                package.Trace.ReplacesDocumentId is { } replaced
                    ? new XElement(E + "BussinessReplacementInfoList", new XElement(E + "ReplacementInfo", new XElement(E + "DocumentId", replaced)))
                    : null));

        var signature = new XElement(E + "Signature", package.Signatures.Select(s => new XElement(E + "CmsSignature",
            new XElement(E + "ContentId", s.ContentId),
            new XElement(E + "Kind", s.Kind.ToString()),
            new XElement(E + "SignerSubject", s.SignerSubject),
            new XElement(E + "CertificateThumbprint", s.CertificateThumbprint),
            new XElement(E + "SigningTime", EdXml.Timestamp(new DateTimeOffset(DateTime.SpecifyKind(s.SignedAtUtc, DateTimeKind.Utc)))),
            new XElement(E + "Value", Convert.ToBase64String(s.Cms)))));

        var manifest = new XElement(E + "Manifest", package.Attachments.Select(a => new XElement(E + "Reference",
            new XElement(E + "ContentId", a.ContentId),
            new XElement(E + "ContentType", a.ContentType),
            a.Description is null ? null : new XElement(E + "Description", a.Description),
            new XElement(E + "AttachmentName", a.Name),
            new XElement(E + "Sha256", a.Sha256))));

        var encoded = new XElement(E + "AttachmentEncoded", package.Attachments.Select(a => new XElement(E + "Attachment",
            new XElement(E + "ContentId", a.ContentId),
            new XElement(E + "AttachmentName", a.Name),
            new XElement(E + "ContentType", a.ContentType),
            new XElement(E + "ContentTransferEncoded", "base64"),
            new XElement(E + "Value", Convert.ToBase64String(a.Content)))));

        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(E + "edXML", new XAttribute(XNamespace.Xmlns + "edXML", EdXml.Namespace),
                new XElement(E + "edXMLEnvelope",
                    new XElement(E + "edXMLHeader", messageHeader, trace, signature),
                    new XElement(E + "edXMLBody", manifest)),
                encoded));
    }

    private static XElement Organization(string name, Organization o) => new(E + name,
        new XElement(E + "OrganId", o.OrganId),
        new XElement(E + "OrganizationInCharge", o.OrganizationInCharge),
        new XElement(E + "OrganName", o.OrganName));

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
