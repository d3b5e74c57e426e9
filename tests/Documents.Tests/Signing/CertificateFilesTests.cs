using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Documents.Signing;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Signing;
using Platform.TestSupport;

namespace Platform.Documents.Tests.Signing;

/// <summary>
/// The production certificate provider on PKCS#12 files made here with CertificateRequest, as a
/// licensed CA would issue them, signing and verifying through the service's own CMS code.
/// </summary>
public sealed class CertificateFilesTests
{
    private const string Password = "mật-khẩu-p12";
    private static readonly DateTimeOffset Today = DateTimeOffset.UtcNow;

    private string _folder = null!;
    private X509Certificate2 _ca = null!;

    [SetUp]
    public void CreateCa()
    {
        _folder = TestServers.TempFolder("certificate-files");
        _ca = CreateCa("CN=CA thử nghiệm, O=Ban Cơ yếu, C=VN");
        File.WriteAllText(Path.Combine(_folder, "roots.pem"), _ca.ExportCertificatePem());
        Issue("seal.p12", "CN=Ủy ban nhân dân tỉnh, C=VN");
        Issue("lanhdao.p12", "CN=Nguyễn Văn B, OU=lanhdao, C=VN");
        Issue("phochutich.p12", "CN=Trần Thị C, OU=phochutich, C=VN");
    }

    [TearDown]
    public void Dispose() => _ca.Dispose();

    private static X509Certificate2 CreateCa(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(Today.AddYears(-5), Today.AddYears(10));
    }

    /// <summary>Writes a PKCS#12 file issued by <paramref name="issuer"/> (the test CA by default) and returns its thumbprint.</summary>
    private string Issue(string file, string subject, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null,
        X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, bool withKey = true,
        X509Certificate2? issuer = null, string password = Password)
    {
        issuer ??= _ca;
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, false, false));
        var from = notBefore ?? Today.AddDays(-1);
        var until = notAfter ?? Today.AddYears(2);
        // The issuer's validity bounds the certificate's; an already expired one is issued in the past.
        using var issued = request.Create(issuer, from, until, RandomNumberGenerator.GetBytes(16));
        using var withPrivateKey = issued.CopyWithPrivateKey(key);
        var pfx = withKey ? withPrivateKey.Export(X509ContentType.Pkcs12, password) : issued.Export(X509ContentType.Pkcs12, password);
        File.WriteAllBytes(Path.Combine(_folder, file), pfx);
        return issued.Thumbprint;
    }

    private CertificateFileOptions Options(TimeSpan? reload = null) => new()
    {
        Source = "files",
        Folder = _folder,
        TrustedRoots = "roots.pem",
        Seal = new() { Path = "seal.p12", Password = Password },
        Signers = new(StringComparer.OrdinalIgnoreCase)
        {
            ["lanhdao"] = new() { Path = "lanhdao.p12", Password = Password },
            ["phochutich"] = new() { Path = Path.Combine(_folder, "phochutich.p12"), Password = Password },
        },
        ReloadInterval = reload ?? TimeSpan.FromSeconds(30),
    };

    private static CertificateFiles Provider(CertificateFileOptions options, TimeProvider? clock = null) =>
        new(options, clock ?? TimeProvider.System, NullLogger<CertificateFiles>.Instance);

    private static string Problems(CertificateFileOptions options) =>
        string.Join("\n", Assert.Throws<CertificateConfigurationException>(() => Provider(options))!.Problems);

    [Test]
    public void Signatures_made_with_the_mounted_certificates_verify_and_a_changed_file_fails()
    {
        var provider = Provider(Options());
        var content = Encoding.UTF8.GetBytes("Quyết định số 05/QĐ-UBND");
        foreach (var certificate in new[] { provider.SignerCertificate("lanhdao", "Nguyễn Văn B"), provider.SealCertificate() })
        {
            var signature = DetachedSignature.Sign(content, certificate, Today);
            var check = CmsSignatures.Verify(content, signature, provider.TrustedRoots());
            Assert.That(check.Valid, Is.True, check.Problem);
            Assert.That(check.Thumbprint, Is.EqualTo(certificate.Thumbprint));
            var altered = (byte[])content.Clone();
            altered[^1] ^= 1;
            Assert.That(CmsSignatures.Verify(altered, signature, provider.TrustedRoots()).Valid, Is.False);
        }
    }

    [Test]
    public void Each_signer_signs_with_their_own_certificate_and_one_without_a_certificate_cannot_sign()
    {
        var provider = Provider(Options());
        Assert.That(provider.SignerCertificate("lanhdao", "x").Subject, Does.Contain("Nguyễn Văn B"));
        Assert.That(provider.SignerCertificate("PhoChuTich", "x").Subject, Does.Contain("Trần Thị C"), "user names are case-insensitive");
        var error = Assert.Throws<DomainRuleException>(() => provider.SignerCertificate("chuyenvien", "Lê Văn D"));
        Assert.That(error!.Code, Is.EqualTo("no-signer-certificate"));
        Assert.That(error.Message, Does.Contain("chuyenvien"));
    }

    [Test]
    public void A_certificate_from_an_issuing_ca_verifies_when_the_trusted_file_holds_the_root_and_the_issuing_ca()
    {
        // Licensed CAs (VNPT-CA, Viettel-CA…) issue under the national root; signatures carry only the end certificate.
        using var root = CreateCa("CN=Root CA thử nghiệm, C=VN");
        using var issuingKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=CA cấp phát, C=VN", issuingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, false, false));
        using var issuingPublic = request.Create(root, Today.AddYears(-4), Today.AddYears(8), RandomNumberGenerator.GetBytes(16));
        using var issuing = issuingPublic.CopyWithPrivateKey(issuingKey);
        Issue("seal.p12", "CN=Ủy ban nhân dân tỉnh, C=VN", issuer: issuing);
        Issue("lanhdao.p12", "CN=Nguyễn Văn B, C=VN", issuer: issuing);
        Issue("phochutich.p12", "CN=Trần Thị C, C=VN", issuer: issuing);
        File.WriteAllText(Path.Combine(_folder, "roots.pem"), issuing.ExportCertificatePem());
        Assert.That(Problems(Options()), Does.Contain("không do tổ chức tin cậy"), "the issuing CA alone is not a trust anchor");
        File.WriteAllText(Path.Combine(_folder, "roots.pem"), root.ExportCertificatePem() + "\n" + issuing.ExportCertificatePem());

        var provider = Provider(Options());
        var content = Encoding.UTF8.GetBytes("Công văn số 45/UBND-KT");
        var signature = DetachedSignature.Sign(content, provider.SealCertificate(), Today);
        Assert.That(CmsSignatures.Verify(content, signature, provider.TrustedRoots()).Valid, Is.True);
    }

    [Test]
    public void An_expired_certificate_stops_start_up()
    {
        Issue("seal.p12", "CN=Ủy ban nhân dân tỉnh", Today.AddYears(-3), Today.AddDays(-2));
        Assert.That(Problems(Options()), Does.Contain("Certificates:Seal: chứng thư đã hết hạn"));
    }

    [Test]
    public void A_certificate_not_yet_valid_stops_start_up()
    {
        Issue("lanhdao.p12", "CN=Nguyễn Văn B", Today.AddDays(3), Today.AddYears(1));
        Assert.That(Problems(Options()), Does.Contain("Certificates:Signers:lanhdao: chứng thư chưa có hiệu lực"));
    }

    [Test]
    public void A_file_without_the_private_key_stops_start_up()
    {
        Issue("seal.p12", "CN=Ủy ban nhân dân tỉnh", withKey: false);
        Assert.That(Problems(Options()), Does.Contain("Certificates:Seal: tệp không chứa khóa bí mật"));
    }

    [Test]
    public void A_certificate_not_meant_for_signatures_stops_start_up()
    {
        Issue("lanhdao.p12", "CN=Nguyễn Văn B", usage: X509KeyUsageFlags.KeyEncipherment);
        Assert.That(Problems(Options()), Does.Contain("Certificates:Signers:lanhdao: chứng thư không dành cho chữ ký số"));
    }

    [Test]
    public void A_certificate_from_an_untrusted_ca_stops_start_up()
    {
        using var stranger = CreateCa("CN=CA lạ");
        Issue("seal.p12", "CN=Ủy ban nhân dân tỉnh", issuer: stranger);
        Assert.That(Problems(Options()), Does.Contain("Certificates:Seal: chứng thư \"CN=Ủy ban nhân dân tỉnh\" không do tổ chức tin cậy"));
    }

    [Test]
    public void Missing_files_a_wrong_password_and_missing_settings_are_all_reported_at_once()
    {
        var options = Options();
        File.Delete(Path.Combine(_folder, "seal.p12"));
        options.Signers["lanhdao"].Password = "sai";
        options.Signers["truongphong"] = new();
        var problems = Problems(options);
        Assert.That(problems, Does.Contain($"Certificates:Seal: không tìm thấy tệp {Path.Combine(_folder, "seal.p12")}"));
        Assert.That(problems, Does.Contain("Certificates:Signers:lanhdao: không mở được tệp"));
        Assert.That(problems, Does.Contain("Certificates:Signers:truongphong:Path chưa được cấu hình"));
        options = Options();
        options.TrustedRoots = "";
        Assert.That(Problems(options), Does.Contain("Certificates:TrustedRoots chưa được cấu hình"));
    }

    [Test]
    public void A_rotated_certificate_is_used_after_the_reload_interval()
    {
        var clock = new Clock(Today);
        var provider = Provider(Options(TimeSpan.FromSeconds(30)), clock);
        var before = provider.SealCertificate().Thumbprint;
        var rotated = Issue("seal.p12", "CN=Ủy ban nhân dân tỉnh, OU=2027, C=VN");

        clock.Now += TimeSpan.FromSeconds(10);
        Assert.That(provider.SealCertificate().Thumbprint, Is.EqualTo(before), "not re-read before the interval");
        clock.Now += TimeSpan.FromSeconds(30);
        Assert.That(provider.SealCertificate().Thumbprint, Is.EqualTo(rotated));
    }

    [Test]
    public void A_broken_rotation_keeps_the_certificates_in_use()
    {
        var clock = new Clock(Today);
        var provider = Provider(Options(TimeSpan.Zero), clock);
        var before = provider.SignerCertificate("lanhdao", "x").Thumbprint;
        Issue("lanhdao.p12", "CN=Nguyễn Văn B", withKey: false);
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.That(provider.SignerCertificate("lanhdao", "x").Thumbprint, Is.EqualTo(before));
        var fixedOne = Issue("lanhdao.p12", "CN=Nguyễn Văn B, OU=mới");
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.That(provider.SignerCertificate("lanhdao", "x").Thumbprint, Is.EqualTo(fixedOne));
    }

    [Test]
    public void A_certificate_that_expires_while_the_service_runs_is_not_used()
    {
        Issue("seal.p12", "CN=Ủy ban nhân dân tỉnh", notAfter: Today.AddDays(10));
        var clock = new Clock(Today);
        var provider = Provider(Options(), clock);
        Assert.That(provider.SealCertificate().HasPrivateKey, Is.True);
        clock.Now = Today.AddDays(11);
        var error = Assert.Throws<DomainRuleException>(() => provider.SealCertificate());
        Assert.That(error!.Code, Is.EqualTo("certificate-expired"));
    }

    [Test]
    public void The_service_does_not_start_with_misconfigured_certificate_files()
    {
        File.Delete(Path.Combine(_folder, "seal.p12"));
        using var app = ServiceWithCertificateFiles();
        var error = Assert.ThrowsAsync<CertificateConfigurationException>(() => app.StartAsync());
        Assert.That(error!.Message, Does.Contain("seal.p12"));
    }

    [Test]
    public async Task The_service_starts_with_good_certificate_files_and_development_stays_the_default()
    {
        await using (var app = ServiceWithCertificateFiles())
        {
            await app.StartAsync();
            Assert.That(app.Services.GetRequiredService<ICertificateProvider>(), Is.InstanceOf<CertificateFiles>());
            Assert.That(app.Services.GetRequiredService<ICertificateProvider>().SignerCertificate("LanhDao", "x").HasPrivateKey, Is.True);
            await app.StopAsync();
        }
        var development = WebApplication.CreateSlimBuilder();
        development.AddCertificates(_folder);
        await using var devApp = development.Build();
        Assert.That(devApp.Services.GetRequiredService<ICertificateProvider>(), Is.InstanceOf<DevelopmentCertificates>());
    }

    /// <summary>A host configured the way the chart configures Documents: the secret's folder, file names and passwords.</summary>
    private WebApplication ServiceWithCertificateFiles()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Certificates:Source"] = "files",
            ["Certificates:Folder"] = _folder,
            ["Certificates:TrustedRoots"] = "roots.pem",
            ["Certificates:Seal:Path"] = "seal.p12",
            ["Certificates:Seal:Password"] = Password,
            ["Certificates:Signers:lanhdao:Path"] = "lanhdao.p12",
            ["Certificates:Signers:lanhdao:Password"] = Password,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCertificates(_folder);
        return builder.Build();
    }

    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
