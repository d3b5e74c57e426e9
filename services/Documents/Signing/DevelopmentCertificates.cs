using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Platform.Documents.Signing;

/// <summary>
/// A development CA, the office's seal certificate and one certificate per signer, created on
/// first use and kept as PFX files under <c>{data}/documents/certificates</c> so signatures made
/// before a restart still verify after it.
/// </summary>
public sealed class DevelopmentCertificates(string folder, string organisation) : ICertificateProvider
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, X509Certificate2> _loaded = new(StringComparer.Ordinal);

    public X509Certificate2 SignerCertificate(string username, string displayName) =>
        Get("signer-" + SafeName(username), () => Issue($"CN={Escape(displayName)}, OU={Escape(username)}, O={Escape(organisation)}, C=VN"));

    public X509Certificate2 SealCertificate() =>
        Get("seal", () => Issue($"CN={Escape(organisation)}, O={Escape(organisation)}, C=VN"));

    public X509Certificate2Collection TrustedRoots() => [X509CertificateLoader.LoadCertificate(Root().RawData)];

    private X509Certificate2 Root() => Get("root-ca", () =>
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest($"CN=Development CA, O={Escape(organisation)}, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(20));
    });

    private X509Certificate2 Issue(string subject)
    {
        var root = Root();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(root, now.AddDays(-1), now.AddYears(5), serial);
        return issued.CopyWithPrivateKey(key);
    }

    private X509Certificate2 Get(string name, Func<X509Certificate2> create)
    {
        lock (_lock)
        {
            if (_loaded.TryGetValue(name, out var cached)) return cached;
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, name + ".pfx");
            X509Certificate2 certificate;
            if (File.Exists(path))
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.Exportable);
            }
            else
            {
                using var created = create();
                var pfx = created.Export(X509ContentType.Pkcs12);
                File.WriteAllBytes(path, pfx);
                certificate = X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.Exportable);
            }
            _loaded[name] = certificate;
            return certificate;
        }
    }

    private static string SafeName(string username) =>
        new(username.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());

    private static string Escape(string value) =>
        "\"" + value.Replace("\"", "", StringComparison.Ordinal) + "\"";
}
