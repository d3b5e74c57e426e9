using System.Security.Cryptography.X509Certificates;

namespace Platform.Documents.Signing;

/// <summary>
/// The certificates signatures are made with and checked against. In production the signer's key
/// sits on a token or a remote signing service of a licensed CA; here development certificates
/// are issued by a local CA kept in the data folder.
/// </summary>
public interface ICertificateProvider
{
    /// <summary>The signing certificate, with its private key, of a person.</summary>
    X509Certificate2 SignerCertificate(string username, string displayName);

    /// <summary>The organisation's seal certificate, with its private key.</summary>
    X509Certificate2 SealCertificate();

    /// <summary>The roots a signature must chain to.</summary>
    X509Certificate2Collection TrustedRoots();
}
