using System.Text;
using System.Xml.Linq;
using System.Xml.Schema;
using Platform.Contracts;
using Platform.Documents.Domain;
using Platform.Documents.Exchange;
using Platform.Documents.Signing;
using Platform.ServiceDefaults.Errors;
using static Platform.Documents.Tests.Exchange.ExchangeSamples;

namespace Platform.Documents.Tests.Exchange;

public sealed class EdXmlPackageTests
{
    private static readonly XNamespace E = EdXml.Namespace;

    private static XElement Header(XDocument xml) =>
        xml.Root!.Element(E + "edXMLEnvelope")!.Element(E + "edXMLHeader")!;

    private static string At(XElement element, params string[] path) =>
        path.Aggregate(element, (e, name) => e.Element(E + name) ?? throw new AssertionException($"missing {name} under {e.Name.LocalName}")).Value;

    [Test]
    public void An_issued_document_is_packaged_with_every_message_header_field()
    {
        var xml = EdXmlWriter.Write(Package());
        var header = Header(xml).Element(E + "MessageHeader")!;
        Assert.Multiple(() =>
        {
            Assert.That(xml.Root!.Name, Is.EqualTo(E + "edXML"));
            Assert.That(At(header, "From", "OrganId"), Is.EqualTo("000.00.00.H56"));
            Assert.That(At(header, "From", "OrganizationInCharge"), Is.EqualTo("Ủy ban nhân dân tỉnh"));
            Assert.That(At(header, "From", "OrganName"), Is.EqualTo("Văn phòng UBND tỉnh"));
            Assert.That(At(header, "To", "OrganId"), Is.EqualTo("000.00.05.H56"));
            Assert.That(At(header, "To", "OrganName"), Is.EqualTo("Sở Tài chính"));
            Assert.That(At(header, "Code", "CodeNumber"), Is.EqualTo("05"));
            Assert.That(At(header, "Code", "CodeNotation"), Is.EqualTo("QĐ-UBND"));
            Assert.That(At(header, "PromulgationInfo", "Place"), Is.EqualTo("Khánh Hòa"));
            Assert.That(At(header, "PromulgationInfo", "PromulgationDate"), Is.EqualTo("2026-11-23"));
            Assert.That(At(header, "DocumentType", "Type"), Is.EqualTo("2"));
            Assert.That(At(header, "DocumentType", "TypeName"), Is.EqualTo("Quyết định"));
            Assert.That(At(header, "Subject"), Is.EqualTo("Về việc giao chỉ tiêu kế hoạch năm 2027"));
            Assert.That(At(header, "Subject").IsNormalized(NormalizationForm.FormC));
            Assert.That(At(header, "SignerInfo", "Competence"), Is.EqualTo("KT. CHỦ TỊCH"));
            Assert.That(At(header, "SignerInfo", "Position"), Is.EqualTo("PHÓ CHỦ TỊCH"));
            Assert.That(At(header, "SignerInfo", "FullName"), Is.EqualTo("Nguyễn Văn B"));
            Assert.That(At(header, "DueDate"), Is.EqualTo("2026-12-15"));
            Assert.That(header.Element(E + "ToPlaces")!.Elements(E + "Place").Select(p => p.Value), Is.EqualTo(new[] { "Sở Tài chính", "Sở Kế hoạch và Đầu tư" }));
            Assert.That(At(header, "OtherInfo", "Priority"), Is.EqualTo("2"), "Thượng khẩn");
            Assert.That(At(header, "OtherInfo", "SphereOfPromulgation"), Is.EqualTo("Toàn tỉnh"));
            Assert.That(At(header, "OtherInfo", "PromulgationAmount"), Is.EqualTo("4"));
            Assert.That(At(header, "OtherInfo", "PageAmount"), Is.EqualTo("3"));
            Assert.That(At(header, "SteeringType"), Is.EqualTo("0"));
            Assert.That(At(header, "DocumentId"), Is.EqualTo("000.00.00.H56,2026/11/23,05/QĐ-UBND"));
        });
    }

    [Test]
    public void The_trace_says_who_sent_it_and_that_it_is_new()
    {
        var trace = Header(EdXmlWriter.Write(Package())).Element(E + "TraceHeaderList")!;
        Assert.Multiple(() =>
        {
            Assert.That(At(trace, "TraceHeader", "OrganId"), Is.EqualTo("000.00.00.H56"));
            Assert.That(At(trace, "TraceHeader", "Timestamp"), Is.EqualTo("2026-11-23T03:00:00+00:00"));
            Assert.That(At(trace, "Bussiness", "BussinessDocType"), Is.EqualTo("0"));
        });
    }

    [Test]
    public void The_manifest_references_each_base64_attachment_by_content_id()
    {
        var package = Package();
        var xml = EdXmlWriter.Write(package);
        var references = xml.Root!.Element(E + "edXMLEnvelope")!.Element(E + "edXMLBody")!.Element(E + "Manifest")!.Elements(E + "Reference").ToList();
        var attachments = xml.Root.Element(E + "AttachmentEncoded")!.Elements(E + "Attachment").ToList();
        Assert.That(references.Select(r => At(r, "ContentId")), Is.EqualTo(attachments.Select(a => At(a, "ContentId"))));
        Assert.That(attachments.Select(a => Convert.FromBase64String(At(a, "Value"))), Is.EqualTo(package.Attachments.Select(a => a.Content)));
        Assert.That(references.Select(r => At(r, "Sha256")), Is.EqualTo(package.Attachments.Select(a => a.Sha256)));
    }

    [Test]
    public void A_package_round_trips_through_xml_unchanged()
    {
        var package = Package();
        using var stream = new MemoryStream();
        EdXmlWriter.Write(package).Save(stream);
        stream.Position = 0;
        var read = EdXmlReader.Read(stream);
        Assert.Multiple(() =>
        {
            Assert.That(read.Header with { ToPlaces = [] }, Is.EqualTo(package.Header with { ToPlaces = [] }));
            Assert.That(read.Header.ToPlaces, Is.EqualTo(package.Header.ToPlaces));
            Assert.That(read.Trace.Kind, Is.EqualTo(BusinessKind.New));
            Assert.That(read.Trace.Traces, Is.EqualTo(package.Trace.Traces));
            Assert.That(read.Attachments.Select(a => (a.ContentId, a.Name, a.ContentType, a.Description, a.Sha256)),
                Is.EqualTo(package.Attachments.Select(a => (a.ContentId, a.Name, a.ContentType, a.Description, a.Sha256))));
            Assert.That(read.Signatures.Select(s => (s.ContentId, s.Kind, s.SignerSubject, s.CertificateThumbprint, s.SignedAtUtc)),
                Is.EqualTo(package.Signatures.Select(s => (s.ContentId, s.Kind, s.SignerSubject, s.CertificateThumbprint, s.SignedAtUtc))));
        });
    }

    [Test]
    public void The_carried_signature_still_verifies_against_the_received_main_file()
    {
        var read = EdXmlReader.Read(EdXmlWriter.Write(Package()));
        var signature = read.Signatures.Single();
        var file = read.Attachments.Single(a => a.ContentId == signature.ContentId);
        var signer = new System.Security.Cryptography.Pkcs.SignedCms(new System.Security.Cryptography.Pkcs.ContentInfo(file.Content), detached: true);
        signer.Decode(signature.Cms);
        Assert.DoesNotThrow(() => signer.CheckSignature(verifySignatureOnly: true));
        Assert.That(CmsSignatures.Verify(file.Content, signature.Cms, []).Problem, Does.Contain("không do tổ chức tin cậy cấp"),
            "the sample certificate is self-signed, so only the receiver's trust store can vouch for it");
    }

    [TestCase(BusinessKind.Recall, "1")]
    [TestCase(BusinessKind.Update, "2")]
    [TestCase(BusinessKind.Replace, "3")]
    public void Recall_update_and_replace_carry_their_business_kind_and_reason(BusinessKind kind, string code)
    {
        const string replaced = "000.00.00.H56,2026/11/02,01/QĐ-UBND";
        var package = Package(options: Options with { Kind = kind, Reason = "Sai số liệu tại Điều 2", ReplacesDocumentId = replaced });
        var trace = Header(EdXmlWriter.Write(package)).Element(E + "TraceHeaderList")!;
        Assert.That(At(trace, "Bussiness", "BussinessDocType"), Is.EqualTo(code));
        Assert.That(At(trace, "Bussiness", "BussinessDocReason"), Is.EqualTo("Sai số liệu tại Điều 2"));
        var read = EdXmlReader.Read(EdXmlWriter.Write(package)).Trace;
        Assert.That(read, Has.Property("Kind").EqualTo(kind));
        // Only a replacement names the document it replaces; a recall or update is about its own DocumentId.
        Assert.That(read.ReplacesDocumentId, Is.EqualTo(kind == BusinessKind.Replace ? replaced : null));
    }

    [Test]
    public void A_replacement_that_does_not_name_the_replaced_document_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() => Package(options: Options with { Kind = BusinessKind.Replace, Reason = "Thay thế" }));
        Assert.That(error!.Code, Is.EqualTo("replaced-document-required"));
    }

    [Test]
    public void A_recall_without_a_reason_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() => Package(options: Options with { Kind = BusinessKind.Recall }));
        Assert.That(error!.Code, Is.EqualTo("reason-required"));
    }

    [TestCase(Secrecy.Confidential)]
    [TestCase(Secrecy.Secret)]
    [TestCase(Secrecy.TopSecret)]
    public void Secret_documents_are_never_packaged(Secrecy secrecy)
    {
        var error = Assert.Throws<DomainRuleException>(() => Package(Issued(secrecy)));
        Assert.That(error!.Code, Is.EqualTo("secret-not-exchanged"));
        Assert.That(error.Message, Does.Contain("Văn bản mật"));
    }

    [Test]
    public void A_document_not_yet_issued_is_not_packaged()
    {
        var draft = new OutgoingDocument { Id = Guid.NewGuid(), DocumentType = "Công văn", Subject = "Về việc báo cáo", DraftingUnit = "KT", DraftedBy = "chuyenvien" };
        var error = Assert.Throws<DomainRuleException>(() => EdXmlPackageBuilder.Build(draft, [], [], Province, Finance, Options, Now));
        Assert.That(error!.Code, Is.EqualTo("not-issued"));
    }

    [Test]
    public void A_file_whose_bytes_no_longer_match_its_stored_hash_is_not_sent()
    {
        var document = Issued();
        var (files, signatures) = FilesAndSignatures(document);
        files[1] = files[1] with { Content = Encoding.UTF8.GetBytes("đã bị sửa") };
        var error = Assert.Throws<DomainRuleException>(() => EdXmlPackageBuilder.Build(document, files, signatures, Province, Finance, Options, Now));
        Assert.That(error!.Code, Is.EqualTo("file-hash-mismatch"));
    }

    [Test]
    public void A_malformed_recipient_code_is_refused()
    {
        var document = Issued();
        var (files, signatures) = FilesAndSignatures(document);
        var error = Assert.Throws<DomainRuleException>(() =>
            EdXmlPackageBuilder.Build(document, files, signatures, Province, Finance with { OrganId = "H56.05" }, Options, Now));
        Assert.That(error!.Code, Is.EqualTo("invalid-agency-code"));
    }

    [Test]
    public void What_the_writer_produces_conforms_to_the_embedded_schema()
    {
        var xml = XDocument.Parse(EdXmlWriter.Write(Package()).ToString());
        var errors = new List<string>();
        var schemas = new XmlSchemaSet();
        using (var xsd = typeof(EdXml).Assembly.GetManifestResourceStream("Platform.Documents.Exchange.edxml.xsd")!)
        {
            schemas.Add(EdXml.Namespace, System.Xml.XmlReader.Create(xsd));
        }
        xml.Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.That(errors, Is.Empty);
    }
}
