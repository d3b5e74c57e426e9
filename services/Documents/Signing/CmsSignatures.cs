using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Platform.Documents.Signing;

/// <summary>
/// Checks detached CMS (PKCS#7) signatures of documents against the trusted roots (signer and
/// seal certificates chain to a CA). Signing itself is the shared <see cref="Platform.ServiceDefaults.Signing.DetachedSignature"/>.
/// </summary>
public static class CmsSignatures
{
    /// <summary>
    /// Checks that the signature matches the content and that the signer's certificate chains to a
    /// trusted root; revocation is not checked (the development CA publishes no CRL).
    /// </summary>
    public static SignatureCheck Verify(byte[] content, byte[] signature, X509Certificate2Collection trustedRoots)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(signature);
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return new SignatureCheck(false, null, null, "Chữ ký không khớp với nội dung tệp: tệp đã bị thay đổi sau khi ký.");
        }
        var signer = cms.SignerInfos[0];
        var certificate = signer.Certificate;
        if (certificate is null) return new SignatureCheck(false, null, null, "Chữ ký không kèm chứng thư số.");
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var trusted = chain.Build(certificate);
        return trusted
            ? new SignatureCheck(true, certificate.Subject, certificate.Thumbprint, null)
            : new SignatureCheck(false, certificate.Subject, certificate.Thumbprint, "Chứng thư số của người ký không do tổ chức tin cậy cấp.");
    }
}

/// <summary>The outcome of checking one signature.</summary>
public sealed record SignatureCheck(bool Valid, string? Subject, string? Thumbprint, string? Problem);
