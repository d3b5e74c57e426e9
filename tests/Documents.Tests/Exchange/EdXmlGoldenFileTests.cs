using System.Text;
using Platform.Documents.Domain;
using Platform.Documents.Exchange;
using static Platform.Documents.Tests.Exchange.ExchangeSamples;

namespace Platform.Documents.Tests.Exchange;

/// <summary>
/// The whole package as written, against a file checked in beside the test: a change to the wire
/// format shows up as a diff a reviewer reads, not as a silently different envelope.
/// </summary>
public sealed class EdXmlGoldenFileTests
{
    private static string GoldenPath(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Exchange", "Golden", name);

    private static EdXmlPackage DeterministicPackage()
    {
        var document = Issued();
        var main = File(document, "05-QD-UBND.pdf", isMain: true, Encoding.UTF8.GetBytes("%PDF-1.7 quyết định số 05"));
        main = main with { Attachment = CopyWithId(main.Attachment, Guid.Parse("0b6f1f8e-5a41-4c1e-9d0a-3f0c6c2d7a11")) };
        var appendix = File(document, "phu-luc.pdf", isMain: false, Encoding.UTF8.GetBytes("%PDF-1.7 phụ lục"));
        appendix = appendix with { Attachment = CopyWithId(appendix.Attachment, Guid.Parse("7c2e9b40-1d3f-4b8a-8e55-92a1f0c4b6d2")) };
        var signature = new DocumentSignature
        {
            Id = Guid.Empty,
            DocumentId = document.Id,
            Kind = SignatureKind.Signer,
            SignerSubject = "CN=Nguyễn Văn B, O=Ủy ban nhân dân tỉnh",
            CertificateThumbprint = "4A1B2C3D4E5F60718293A4B5C6D7E8F901234567",
            FileSha256 = main.Attachment.Sha256,
            // Fixed bytes stand in for the CMS: the writer carries them as they are, and real ones differ every run.
            Cms = [0x30, 0x82, 0x01, 0x00],
            SignedAtUtc = Now,
        };
        return EdXmlPackageBuilder.Build(document, [main, appendix], [signature], Province, Finance,
            Options with { Content = "Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2027 cho các sở, ngành." }, new DateTimeOffset(Now));
    }

    private static Attachment CopyWithId(Attachment a, Guid id) => new()
    {
        Id = id, DocumentId = a.DocumentId, FileName = a.FileName, ContentType = a.ContentType, Length = a.Length,
        Sha256 = a.Sha256, IsMain = a.IsMain, UploadedBy = a.UploadedBy, UploadedAtUtc = a.UploadedAtUtc,
    };

    [Test]
    public void A_new_decision_is_written_exactly_as_the_golden_file()
    {
        AssertGolden("decision-new.xml", EdXmlWriter.Write(DeterministicPackage()));
    }

    private static void AssertGolden(string name, System.Xml.Linq.XDocument written)
    {
        var actual = written.ToString().ReplaceLineEndings("\n") + "\n";
        var expected = System.IO.File.ReadAllText(GoldenPath(name)).ReplaceLineEndings("\n");
        if (actual != expected)
        {
            var path = Path.Combine(Path.GetTempPath(), Path.ChangeExtension(name, ".actual.xml"));
            System.IO.File.WriteAllText(path, actual);
            Assert.That(actual, Is.EqualTo(expected), $"actual package written to {path}");
        }
    }

    [Test]
    public void The_golden_file_reads_back_as_the_same_package()
    {
        using var stream = System.IO.File.OpenRead(GoldenPath("decision-new.xml"));
        var read = EdXmlReader.Read(stream);
        Assert.That(read.Header, Has.Property("DocumentId").EqualTo("000.00.00.H56,2026/11/23,05/QĐ-UBND"));
        Assert.That(read.Attachments.Select(a => a.ContentId), Is.EqualTo(new[] { "0b6f1f8e5a414c1e9d0a3f0c6c2d7a11", "7c2e9b401d3f4b8a8e5592a1f0c4b6d2" }));
    }

    /// <summary>The envelope fields DOMAIN.md section 2 lists (QCVN 102:2016), as paths below edXML.</summary>
    private static readonly string[] DomainFields =
    [
        "edXMLEnvelope/edXMLHeader/MessageHeader/From/OrganId",
        "edXMLEnvelope/edXMLHeader/MessageHeader/From/OrganizationInCharge",
        "edXMLEnvelope/edXMLHeader/MessageHeader/From/OrganName",
        "edXMLEnvelope/edXMLHeader/MessageHeader/To/OrganId",
        "edXMLEnvelope/edXMLHeader/MessageHeader/To/OrganizationInCharge",
        "edXMLEnvelope/edXMLHeader/MessageHeader/To/OrganName",
        "edXMLEnvelope/edXMLHeader/MessageHeader/Code/CodeNumber",
        "edXMLEnvelope/edXMLHeader/MessageHeader/Code/CodeNotation",
        "edXMLEnvelope/edXMLHeader/MessageHeader/PromulgationInfo/Place",
        "edXMLEnvelope/edXMLHeader/MessageHeader/PromulgationInfo/PromulgationDate",
        "edXMLEnvelope/edXMLHeader/MessageHeader/DocumentType/Type",
        "edXMLEnvelope/edXMLHeader/MessageHeader/DocumentType/TypeName",
        "edXMLEnvelope/edXMLHeader/MessageHeader/Subject",
        "edXMLEnvelope/edXMLHeader/MessageHeader/Content",
        "edXMLEnvelope/edXMLHeader/MessageHeader/SignerInfo/Competence",
        "edXMLEnvelope/edXMLHeader/MessageHeader/SignerInfo/Position",
        "edXMLEnvelope/edXMLHeader/MessageHeader/SignerInfo/FullName",
        "edXMLEnvelope/edXMLHeader/MessageHeader/DueDate",
        "edXMLEnvelope/edXMLHeader/MessageHeader/ToPlaces/Place",
        "edXMLEnvelope/edXMLHeader/MessageHeader/OtherInfo/Priority",
        "edXMLEnvelope/edXMLHeader/MessageHeader/OtherInfo/SphereOfPromulgation",
        "edXMLEnvelope/edXMLHeader/MessageHeader/OtherInfo/PromulgationAmount",
        "edXMLEnvelope/edXMLHeader/MessageHeader/OtherInfo/PageAmount",
        "edXMLEnvelope/edXMLHeader/MessageHeader/SteeringType",
        "edXMLEnvelope/edXMLHeader/MessageHeader/DocumentId",
        "edXMLEnvelope/edXMLHeader/TraceHeaderList/TraceHeader/OrganId",
        "edXMLEnvelope/edXMLHeader/TraceHeaderList/TraceHeader/Timestamp",
        "edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness/BussinessDocType",
        "edXMLEnvelope/edXMLHeader/Signature/CmsSignature/Value",
        "edXMLEnvelope/edXMLBody/Manifest/Reference/ContentId",
        "AttachmentEncoded/Attachment/ContentId",
        "AttachmentEncoded/Attachment/Value",
    ];

    [Test]
    public void The_golden_package_carries_every_field_the_domain_rules_list_in_their_order()
    {
        var root = System.Xml.Linq.XDocument.Load(GoldenPath("decision-new.xml")).Root!;
        Assert.Multiple(() =>
        {
            foreach (var path in DomainFields)
            {
                var element = path.Split('/').Aggregate((System.Xml.Linq.XElement?)root, (at, name) => at?.Element(EdXml.Ns + name));
                Assert.That(element?.Value, Is.Not.Null.And.Not.Empty, path);
            }
        });
        var header = root.Descendants(EdXml.Ns + "MessageHeader").Single().Elements().Select(e => e.Name.LocalName).ToList();
        Assert.That(header, Is.EqualTo(new[]
        {
            "From", "To", "Code", "PromulgationInfo", "DocumentType", "Subject", "Content", "SignerInfo", "DueDate", "ToPlaces",
            "OtherInfo", "SteeringType", "DocumentId",
        }), "MessageHeader in the order DOMAIN.md gives");
        Assert.Multiple(() =>
        {
            Assert.That(root.Descendants(EdXml.Ns + "DocumentId").Single().Value, Does.Match(@"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2},\d{4}/\d{2}/\d{2},.+/.+$"));
            Assert.That(root.Descendants(EdXml.Ns + "BussinessDocType").Single().Value, Is.EqualTo("0"));
            Assert.That(root.Descendants(EdXml.Ns + "ContentTransferEncoded").Select(e => e.Value), Is.All.EqualTo("base64"));
        });
    }

    [Test]
    public void A_refusal_status_is_written_exactly_as_the_golden_file()
    {
        var status = new StatusPackage("000.00.00.H56,2026/11/23,05/QĐ-UBND", Finance, FeedbackStatus.Refused,
            "Văn bản gửi nhầm nơi nhận", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7)), "vanthu");
        AssertGolden("status-refused.xml", status.Write());
        Assert.That(StatusPackage.Read(status.Write()), Is.EqualTo(status));
    }

    [Test]
    public void A_status_written_by_another_vendor_is_read()
    {
        var read = StatusPackage.Read(System.Xml.Linq.XDocument.Load(GoldenPath("vendor-status.xml")));
        Assert.Multiple(() =>
        {
            Assert.That(read.DocumentId, Is.EqualTo("000.00.01.H56,2026/11/20,123/UBND-KT"));
            Assert.That(read.SenderCode, Is.EqualTo("000.00.01.H56"));
            Assert.That(read.From.OrganId, Is.EqualTo("000.00.00.G12"));
            Assert.That(read.Status, Is.EqualTo(FeedbackStatus.InProgress));
            Assert.That(read.Description, Is.EqualTo("Vụ Ngân sách nhà nước đang xử lý"));
            Assert.That(read.Timestamp, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 1, 15, 0, TimeSpan.Zero)));
        });
    }
}
