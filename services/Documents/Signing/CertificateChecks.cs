using System.Security.Cryptography.X509Certificates;

namespace Platform.Documents.Signing;

/// <summary>
/// What a certificate must be before the office signs with it: its private key at hand, valid
/// today, meant for signatures (key usage digitalSignature or nonRepudiation), and issued under a
/// CA the verifiers trust, or every signature made with it would fail verification later.
/// </summary>
public static class CertificateChecks
{
    public static IEnumerable<string> Problems(string label, X509Certificate2 certificate, DateTimeOffset now, X509Certificate2Collection trustedRoots)
    {
        if (!certificate.HasPrivateKey) yield return $"{label}: tệp không chứa khóa bí mật của chứng thư \"{certificate.Subject}\".";
        if (now < certificate.NotBefore.ToUniversalTime()) yield return $"{label}: chứng thư chưa có hiệu lực (từ {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC).";
        if (now > certificate.NotAfter.ToUniversalTime()) yield return $"{label}: chứng thư đã hết hạn ngày {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC.";
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is null || (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            yield return $"{label}: chứng thư không dành cho chữ ký số (thiếu mục đích sử dụng khóa digitalSignature/nonRepudiation).";
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        // Expiry is reported above in plain words; here only the issuer matters.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        if (!chain.Build(certificate)) yield return $"{label}: chứng thư \"{certificate.Subject}\" không do tổ chức tin cậy (Certificates:TrustedRoots) cấp.";
    }
}
