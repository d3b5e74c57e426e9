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
        return EdXmlPackageBuilder.Build(document, [main, appendix], [signature], Province, Finance, Options, new DateTimeOffset(Now));
    }

    private static Attachment CopyWithId(Attachment a, Guid id) => new()
    {
        Id = id, DocumentId = a.DocumentId, FileName = a.FileName, ContentType = a.ContentType, Length = a.Length,
        Sha256 = a.Sha256, IsMain = a.IsMain, UploadedBy = a.UploadedBy, UploadedAtUtc = a.UploadedAtUtc,
    };

    [Test]
    public void A_new_decision_is_written_exactly_as_the_golden_file()
    {
        var actual = EdXmlWriter.Write(DeterministicPackage()).ToString().ReplaceLineEndings("\n") + "\n";
        var expected = System.IO.File.ReadAllText(GoldenPath("decision-new.xml")).ReplaceLineEndings("\n");
        if (actual != expected)
        {
            var written = Path.Combine(Path.GetTempPath(), "decision-new.actual.xml");
            System.IO.File.WriteAllText(written, actual);
            Assert.That(actual, Is.EqualTo(expected), $"actual package written to {written}");
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
}
