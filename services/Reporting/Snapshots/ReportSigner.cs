using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Platform.Reporting.Snapshots;

/// <summary>
/// Signs snapshot content with a CMS (PKCS #7) detached signature, verifiable with
/// <c>openssl cms -verify -binary -inform DER -content report.json -in report.p7s -noverify</c>.
/// Production configures the office's certificate (Reporting:SigningCertificate, a PFX, and
/// Reporting:SigningCertificatePassword); elsewhere a self-signed development certificate is
/// made on first run in the service's data folder.
/// </summary>
public sealed class ReportSigner(X509Certificate2 certificate)
{
    public X509Certificate2 Certificate { get; } = certificate;

    public byte[] Sign(byte[] content)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.ComputeSignature(new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, Certificate) { IncludeOption = X509IncludeOption.EndCertOnly });
        return cms.Encode();
    }

    /// <summary>Checks the signature over the content (not the chain: the development certificate has none); returns the signer's subject.</summary>
    public static string? Verify(byte[] content, byte[] signature)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(signature);
            cms.CheckSignature(verifySignatureOnly: true);
            return cms.SignerInfos[0].Certificate?.Subject ?? "";
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static ReportSigner Load(IConfiguration configuration, string dataFolder)
    {
        var configured = configuration["Reporting:SigningCertificate"];
        var password = configuration["Reporting:SigningCertificatePassword"];
        var path = configured ?? Path.Combine(dataFolder, "report-signing.pfx");
        if (configured is null && !File.Exists(path))
        {
            File.WriteAllBytes(path, CreateDevelopmentCertificate().Export(X509ContentType.Pfx, password));
        }
        return new ReportSigner(X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet));
    }

    private static X509Certificate2 CreateDevelopmentCertificate()
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=Reporting development signing, O=Van phong UBND tinh, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }
}
