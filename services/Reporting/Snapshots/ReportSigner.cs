using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Signing;

namespace Platform.Reporting.Snapshots;

/// <summary>
/// Signs snapshot content with the office certificate as a CMS (PKCS #7) detached signature,
/// verifiable with <c>openssl cms -verify -binary -inform DER -content report.json -in report.p7s -noverify</c>.
/// Production configures the office's certificate (Reporting:SigningCertificate, a PFX, and
/// Reporting:SigningCertificatePassword); elsewhere the shared development certificate is made
/// on first run in the service's data folder.
/// </summary>
public sealed class ReportSigner(OfficeCertificate office, TimeProvider clock)
{
    public X509Certificate2 Certificate => office.Certificate;

    public byte[] Sign(byte[] content) => DetachedSignature.Sign(content, office.Certificate, clock.GetUtcNow());

    /// <summary>
    /// Checks the signature over the content and returns the signer's subject, or null. It does
    /// not insist on today's certificate: a snapshot signed before the office renewed its
    /// certificate must still prove its figures.
    /// </summary>
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

    public static ReportSigner Create(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var settings = new OfficeCertificateSettings(
            configuration["Reporting:SigningCertificate"],
            configuration["Reporting:SigningCertificatePassword"],
            configuration["Reporting:OfficeName"] ?? "Văn phòng Ủy ban nhân dân tỉnh",
            services.GetRequiredService<ServiceInfo>().OwnFolder());
        return new ReportSigner(new OfficeCertificate(settings), services.GetRequiredService<TimeProvider>());
    }
}
