using Platform.ServiceDefaults.Signing;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Platform.Contracts;
using Platform.Documents.Domain;
using Platform.Documents.Exchange;
using Platform.Documents.Signing;
using Platform.ServiceDefaults.Auth;

namespace Platform.Documents.Tests.Exchange;

/// <summary>An issued decision of the provincial committee, its files and signatures, ready to package.</summary>
internal static class ExchangeSamples
{
    public static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);
    public static readonly Organization Province = new("000.00.00.H56", "Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh");
    public static readonly Organization Finance = new("000.00.05.H56", "Ủy ban nhân dân tỉnh", "Sở Tài chính");
    public static readonly PackageOptions Options = new("Khánh Hòa", PageAmount: 3, SphereOfPromulgation: "Toàn tỉnh", DueDate: new DateOnly(2026, 12, 15));

    private static readonly Actor Specialist = new("chuyenvien", "KT", new HashSet<string> { Roles.Specialist });
    private static readonly Actor Leader = new("lanhdao", "VP", new HashSet<string> { Roles.Leader });
    private static readonly Actor Clerk = new("vanthu", "VP", new HashSet<string> { Roles.Clerk });

    public static OutgoingDocument Issued(Secrecy secrecy = Secrecy.None, Urgency urgency = Urgency.VeryUrgent)
    {
        var document = new OutgoingDocument
        {
            Id = Guid.NewGuid(),
            DocumentType = "Quyết định",
            // Decomposed (NFD) on purpose: the package must carry NFC.
            Subject = "Về việc giao chỉ tiêu kế hoạch năm 2027".Normalize(NormalizationForm.FormD),
            Secrecy = secrecy,
            Urgency = urgency,
            DraftingUnit = "KT",
            DraftedBy = "chuyenvien",
            Recipients = ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"],
            CopyCount = 4,
        };
        document.Submit(Specialist);
        document.Review(Leader);
        document.Approve(Leader);
        document.Sign(Leader, "Nguyễn Văn B", "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH", hasMainFile: true, Now);
        document.Issue(Clerk, "outgoing:administrative", 2026, 5, "05/QĐ-UBND", new DateOnly(2026, 11, 23), Now);
        return document;
    }

    public static PackageFile File(OutgoingDocument document, string name, bool isMain, byte[] content) => new(new Attachment
    {
        Id = Guid.NewGuid(),
        DocumentId = document.Id,
        FileName = name,
        ContentType = "application/pdf",
        Length = content.Length,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        IsMain = isMain,
        UploadedBy = "chuyenvien",
    }, content);

    public static (List<PackageFile> Files, List<DocumentSignature> Signatures) FilesAndSignatures(OutgoingDocument document)
    {
        var main = File(document, "05-QD-UBND.pdf", isMain: true, Encoding.UTF8.GetBytes("%PDF-1.7 quyết định số 05"));
        var appendix = File(document, "phu-luc.pdf", isMain: false, Encoding.UTF8.GetBytes("%PDF-1.7 phụ lục"));
        using var certificate = SelfSigned("CN=Nguyễn Văn B");
        var signature = new DocumentSignature
        {
            Id = Guid.NewGuid(),
            DocumentId = document.Id,
            Kind = SignatureKind.Signer,
            SignerSubject = certificate.Subject,
            CertificateThumbprint = certificate.Thumbprint,
            FileSha256 = main.Attachment.Sha256,
            Cms = DetachedSignature.Sign(main.Content, certificate, Now),
            SignedAtUtc = Now,
        };
        return ([main, appendix], [signature]);
    }

    public static EdXmlPackage Package(OutgoingDocument? document = null, PackageOptions? options = null)
    {
        document ??= Issued();
        var (files, signatures) = FilesAndSignatures(document);
        return EdXmlPackageBuilder.Build(document, files, signatures, Province, Finance, options ?? Options, new DateTimeOffset(Now));
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
