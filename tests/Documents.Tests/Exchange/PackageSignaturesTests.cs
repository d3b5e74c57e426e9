using Platform.ServiceDefaults.Signing;
using System.Text;
using Platform.Documents.Domain;
using Platform.Documents.Exchange;
using Platform.Documents.Signing;
using static Platform.Documents.Tests.Exchange.ExchangeSamples;

namespace Platform.Documents.Tests.Exchange;

public sealed class PackageSignaturesTests
{
    private string _folder = null!;
    private DevelopmentCertificates _sender = null!;

    [OneTimeSetUp]
    public void CreateCertificates()
    {
        _folder = Path.Combine(Path.GetTempPath(), "exchange-certs-" + Guid.NewGuid().ToString("N"));
        _sender = new DevelopmentCertificates(_folder, "Ủy ban nhân dân tỉnh");
    }

    [OneTimeTearDown]
    public void RemoveCertificates() => Directory.Delete(_folder, recursive: true);

    private EdXmlPackage SignedPackage()
    {
        var document = Issued();
        var main = File(document, "05-QD-UBND.pdf", isMain: true, Encoding.UTF8.GetBytes("%PDF-1.7 quyết định số 05"));
        // The provider caches and owns its certificates: not disposed here.
        var certificate = _sender.SignerCertificate("lanhdao", "Nguyễn Văn B");
        var signature = new DocumentSignature
        {
            Id = Guid.NewGuid(),
            DocumentId = document.Id,
            Kind = SignatureKind.Signer,
            SignerSubject = certificate.Subject,
            CertificateThumbprint = certificate.Thumbprint,
            FileSha256 = main.Attachment.Sha256,
            Cms = DetachedSignature.Sign(main.Content, certificate, Now),
            SignedAtUtc = Now,
        };
        var package = EdXmlPackageBuilder.Build(document, [main], [signature], Province, Finance, Options, Now);
        // Across the wire and back, as the receiver sees it.
        return EdXmlReader.Read(EdXmlWriter.Write(package));
    }

    [Test]
    public void A_signature_from_a_trusted_authority_over_the_received_file_holds()
    {
        Assert.That(PackageSignatures.Problems(SignedPackage(), _sender.TrustedRoots()), Is.Empty);
    }

    [Test]
    public void A_signature_from_an_authority_the_receiver_does_not_trust_is_reported()
    {
        var problems = PackageSignatures.Problems(SignedPackage(), []);
        Assert.That(problems.Single(), Does.Contain("không do tổ chức tin cậy cấp"));
    }

    [Test]
    public void A_file_changed_after_signing_breaks_the_signature()
    {
        var package = SignedPackage();
        var changed = package with { Attachments = [package.Attachments[0] with { Content = Encoding.UTF8.GetBytes("%PDF-1.7 đã sửa") }] };
        var error = Assert.Throws<EdXmlException>(() => PackageSignatures.EnsureValid(changed, _sender.TrustedRoots()));
        Assert.That(error!.Problems.Single(), Does.Contain("tệp đã bị thay đổi sau khi ký"));
    }

    [Test]
    public void A_signature_claiming_another_certificate_is_reported()
    {
        var package = SignedPackage();
        var lying = package with { Signatures = [package.Signatures[0] with { CertificateThumbprint = new string('A', 40) }] };
        Assert.That(PackageSignatures.Problems(lying, _sender.TrustedRoots()).Single(), Does.Contain("khác chứng thư"));
    }

    [Test]
    public void A_package_without_the_signers_signature_is_reported_unless_allowed()
    {
        var unsigned = SignedPackage() with { Signatures = [] };
        Assert.That(PackageSignatures.Problems(unsigned, _sender.TrustedRoots()).Single(), Does.Contain("không mang chữ ký số"));
        Assert.That(PackageSignatures.Problems(unsigned, _sender.TrustedRoots(), requireSignature: false), Is.Empty);
    }
}
