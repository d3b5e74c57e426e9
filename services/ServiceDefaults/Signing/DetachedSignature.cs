using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Platform.ServiceDefaults.Signing;

/// <summary>
/// CMS detached signatures (.p7s beside the PDF): the PDF stays byte for byte what was
/// published, and anyone with OpenSSL or a signing tool can check it against the office certificate.
/// </summary>
public static class DetachedSignature
{
    public static byte[] Sign(byte[] content, X509Certificate2 certificate, DateTimeOffset signingTime)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>
    /// Valid only when the signature matches the content and was made by the office's own
    /// certificate: a correct signature by anyone else's key proves nothing about the gazette.
    /// </summary>
    public static SignatureCheck Verify(byte[] content, byte[] signature, X509Certificate2 office)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(signature);
        }
        catch (CryptographicException)
        {
            return SignatureCheck.Invalid("Tệp chữ ký không đúng định dạng CMS.");
        }
        if (cms.SignerInfos.Count != 1) return SignatureCheck.Invalid("Tệp chữ ký phải có đúng một người ký.");
        var signer = cms.SignerInfos[0];
        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return SignatureCheck.Invalid("Chữ ký không khớp với nội dung: tệp đã bị thay đổi sau khi ký.");
        }
        var certificate = signer.Certificate;
        if (certificate is null || !certificate.RawDataMemory.Span.SequenceEqual(office.RawDataMemory.Span))
            return SignatureCheck.Invalid("Chữ ký không phải của chứng thư số cơ quan phát hành công báo.");
        var signedAt = signer.SignedAttributes.OfType<CryptographicAttributeObject>()
            .SelectMany(a => a.Values.OfType<Pkcs9SigningTime>()).Select(t => (DateTime?)t.SigningTime).FirstOrDefault();
        return new SignatureCheck(true, certificate.Subject, certificate.Thumbprint, signedAt, "Chữ ký hợp lệ.");
    }
}

/// <summary>The outcome of checking a detached signature.</summary>
public sealed record SignatureCheck(bool Valid, string? Signer, string? Thumbprint, DateTime? SignedAtUtc, string Message)
{
    public static SignatureCheck Invalid(string message) => new(false, null, null, null, message);
}
