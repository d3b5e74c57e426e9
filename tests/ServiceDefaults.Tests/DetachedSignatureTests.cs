using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Platform.ServiceDefaults.Signing;
using Platform.ServiceDefaults;

namespace Platform.ServiceDefaults.Tests;

public sealed class DetachedSignatureTests
{
    private string _folder = null!;

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("gazette-signing-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private OfficeCertificate Office() => new(new OfficeCertificateSettings(null, null, "Văn phòng Ủy ban nhân dân tỉnh", _folder));

    private static readonly byte[] Pdf = "%PDF-1.7 Công báo số 12"u8.ToArray();

    [Test]
    public void A_signature_verifies_against_the_content_it_signed()
    {
        var office = Office().Certificate;
        var check = DetachedSignature.Verify(Pdf, DetachedSignature.Sign(Pdf, office, DateTimeOffset.UtcNow), office);

        Assert.That(check.Valid, Is.True, check.Message);
        Assert.That(check.Thumbprint, Is.EqualTo(office.Thumbprint));
    }

    [Test]
    public void One_changed_byte_fails_verification()
    {
        var office = Office().Certificate;
        var signature = DetachedSignature.Sign(Pdf, office, DateTimeOffset.UtcNow);
        var tampered = (byte[])Pdf.Clone();
        tampered[^1] ^= 1;

        Assert.That(DetachedSignature.Verify(tampered, signature, office).Valid, Is.False);
    }

    [Test]
    public void A_correct_signature_by_someone_else_is_not_the_office_signature()
    {
        using var key = RSA.Create(2048);
        using var stranger = new CertificateRequest("CN=Không phải văn phòng", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var check = DetachedSignature.Verify(Pdf, DetachedSignature.Sign(Pdf, stranger, DateTimeOffset.UtcNow), Office().Certificate);

        Assert.That(check.Valid, Is.False);
    }

    [Test]
    public void The_development_certificate_is_made_once_and_kept_in_the_data_folder()
    {
        var first = Office().Certificate;
        var second = Office().Certificate;

        Assert.That(second.Thumbprint, Is.EqualTo(first.Thumbprint));
        Assert.That(first.HasPrivateKey, Is.True);
        Assert.That(Directory.GetFiles(_folder, "*.pfx"), Has.Length.EqualTo(1));
    }

    [Test]
    public void Garbage_instead_of_a_signature_is_reported_not_thrown()
    {
        Assert.That(DetachedSignature.Verify(Pdf, [1, 2, 3], Office().Certificate).Valid, Is.False);
    }
}
