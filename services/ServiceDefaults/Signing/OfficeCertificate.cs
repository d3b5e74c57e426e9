using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Platform.ServiceDefaults.Signing;

/// <summary>
/// The office's signing certificate (chứng thư số của cơ quan), used for the gazette's issues
/// and the report snapshots sent upward. Production configures the PKCS#12 file issued to the
/// office; a development run makes a self-signed one on first use and keeps it in the
/// service's data folder, so signatures made yesterday still verify today.
/// </summary>
public sealed class OfficeCertificate(OfficeCertificateSettings settings)
{
    private const string DevelopmentFile = "office-signing-development.pfx";
    private readonly Lazy<X509Certificate2> _certificate = new(() => Load(settings));

    public X509Certificate2 Certificate => _certificate.Value;

    private static X509Certificate2 Load(OfficeCertificateSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
            return X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword);
        Directory.CreateDirectory(settings.DevelopmentFolder);
        var path = Path.Combine(settings.DevelopmentFolder, DevelopmentFile);
        if (!File.Exists(path))
        {
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            // The key has no password (development only), so only the service's own user may read it.
            File.WriteAllBytes(temporary, []);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.WriteAllBytes(temporary, CreateDevelopmentCertificate(settings.OfficeName));
            // Two processes starting on a fresh folder: the first file to land wins, the other is discarded.
            try { File.Move(temporary, path, overwrite: false); }
            catch (IOException) { File.Delete(temporary); }
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }

    private static byte[] CreateDevelopmentCertificate(string officeName)
    {
        using var key = RSA.Create(3072);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("VN");
        subject.AddOrganizationName(officeName);
        subject.AddCommonName(officeName + " (development)");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return certificate.Export(X509ContentType.Pkcs12);
    }
}

/// <summary>Where the office certificate comes from: a configured PKCS#12 file, or a development one in <paramref name="DevelopmentFolder"/>.</summary>
public sealed record OfficeCertificateSettings(string? CertificatePath, string? CertificatePassword, string OfficeName, string DevelopmentFolder);
