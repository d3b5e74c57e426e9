using Platform.ServiceDefaults.Signing;
using System.Security.Cryptography;
using System.Text;
using Platform.Documents.Files;
using Platform.Documents.Signing;
using Platform.TestSupport;

namespace Platform.Documents.Tests;

public sealed class SigningAndStorageTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    [Test]
    public void A_detached_signature_verifies_the_signed_bytes_and_nothing_else()
    {
        var certificates = new DevelopmentCertificates(TestServers.TempFolder("certs"), "UBND tỉnh Thử nghiệm");
        var content = Encoding.UTF8.GetBytes("Quyết định số 05/QĐ-UBND");
        var signature = DetachedSignature.Sign(content, certificates.SignerCertificate("lanhdao", "Nguyễn Văn B"), Now);

        var valid = CmsSignatures.Verify(content, signature, certificates.TrustedRoots());
        Assert.That(valid.Valid, Is.True, valid.Problem);
        Assert.That(valid.Subject, Does.Contain("Nguyễn Văn B"));

        var altered = (byte[])content.Clone();
        altered[0] ^= 1;
        var check = CmsSignatures.Verify(altered, signature, certificates.TrustedRoots());
        Assert.That(check.Valid, Is.False);
        Assert.That(check.Problem, Does.Contain("đã bị thay đổi"));
    }

    [Test]
    public void A_signature_from_a_certificate_of_another_authority_is_not_trusted()
    {
        var ours = new DevelopmentCertificates(TestServers.TempFolder("certs"), "UBND tỉnh A");
        var theirs = new DevelopmentCertificates(TestServers.TempFolder("certs"), "UBND tỉnh A");
        var content = "Công văn"u8.ToArray();
        var signature = DetachedSignature.Sign(content, theirs.SealCertificate(), Now);
        var check = CmsSignatures.Verify(content, signature, ours.TrustedRoots());
        Assert.That(check.Valid, Is.False);
        Assert.That(check.Problem, Does.Contain("tin cậy"));
    }

    [Test]
    public void Development_certificates_survive_a_restart()
    {
        var folder = TestServers.TempFolder("certs");
        var first = new DevelopmentCertificates(folder, "UBND").SealCertificate();
        var second = new DevelopmentCertificates(folder, "UBND").SealCertificate();
        Assert.That(second.Thumbprint, Is.EqualTo(first.Thumbprint));
        Assert.That(second.HasPrivateKey, Is.True);
    }

    [Test]
    public async Task The_same_bytes_are_stored_once_under_their_hash()
    {
        var store = new DiskFileStore(TestServers.TempFolder("files"));
        var bytes = Encoding.UTF8.GetBytes("Nội dung văn bản");
        var first = await store.SaveAsync(new MemoryStream(bytes), 1024, CancellationToken.None);
        var second = await store.SaveAsync(new MemoryStream(bytes), 1024, CancellationToken.None);
        Assert.That(first, Is.EqualTo(second));
        Assert.That(first.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))));
        await using var read = (await store.OpenReadAsync(first.Sha256, CancellationToken.None))!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(bytes));
    }

    [Test]
    public async Task The_store_reads_only_hashes_and_refuses_content_over_the_limit()
    {
        var folder = TestServers.TempFolder("files");
        var store = new DiskFileStore(folder);
        Assert.That(await store.OpenReadAsync("../../etc/passwd", CancellationToken.None), Is.Null);
        Assert.That(await store.OpenReadAsync(new string('A', 64), CancellationToken.None), Is.Null, "upper-case is not how hashes are stored");
        Assert.ThrowsAsync<FileTooLargeException>(() => store.SaveAsync(new MemoryStream(new byte[2048]), 1024, CancellationToken.None));
        Assert.That(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories), Is.Empty, "nothing half-written is left");
    }

    [TestCase("báo cáo.pdf", true)]
    [TestCase("..", false)]
    [TestCase("a\u0000.pdf", false)]
    [TestCase("C:evil.pdf", false)]
    [TestCase(" leading.pdf", false)]
    public void File_names_are_labels_never_paths(string name, bool accepted)
    {
        if (accepted) Assert.That(AttachmentRules.CheckName(name), Is.EqualTo(name));
        else Assert.Throws<Platform.ServiceDefaults.Errors.DomainRuleException>(() => AttachmentRules.CheckName(name));
    }
}
