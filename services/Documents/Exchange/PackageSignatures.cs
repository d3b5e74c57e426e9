using Platform.Documents.Domain;
using System.Security.Cryptography.X509Certificates;
using Platform.Documents.Signing;

namespace Platform.Documents.Exchange;

/// <summary>
/// Checks the CMS signatures a package carries against the received files and the receiver's trusted
/// roots: authenticity is part of receiving (Nghị định 30/2020: check authenticity and integrity).
/// </summary>
public static class PackageSignatures
{
    /// <summary>One problem per signature that does not hold; empty when all hold.</summary>
    public static IReadOnlyList<string> Problems(EdXmlPackage package, X509Certificate2Collection trustedRoots, bool requireSignature = true)
    {
        var problems = new List<string>();
        var main = package.Signatures.Where(s => s.Kind == SignatureKind.Signer).ToList();
        if (requireSignature && main.Count == 0) problems.Add("gói tin không mang chữ ký số của người ký văn bản");
        foreach (var signature in package.Signatures)
        {
            var file = package.Attachments.FirstOrDefault(a => a.ContentId == signature.ContentId);
            if (file is null)
            {
                problems.Add($"chữ ký số tham chiếu tệp {signature.ContentId} không có trong gói tin");
                continue;
            }
            var check = CmsSignatures.Verify(file.Content, signature.Cms, trustedRoots);
            if (!check.Valid)
            {
                problems.Add($"chữ ký số trên tệp \"{file.Name}\": {check.Problem}");
            }
            else if (!string.Equals(check.Thumbprint, signature.CertificateThumbprint, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"chữ ký số trên tệp \"{file.Name}\" dùng chứng thư {check.Thumbprint}, khác chứng thư gói tin khai báo");
            }
        }
        return problems;
    }

    public static void EnsureValid(EdXmlPackage package, X509Certificate2Collection trustedRoots, bool requireSignature = true)
    {
        var problems = Problems(package, trustedRoots, requireSignature);
        if (problems.Count > 0) throw new EdXmlException(problems);
    }
}
