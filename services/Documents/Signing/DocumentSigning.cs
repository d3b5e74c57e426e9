using Platform.ServiceDefaults.Signing;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Platform.Documents.Domain;
using Platform.Documents.Files;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Signing;

/// <summary>Signs a document's main file (the leader's signature, then the office seal at issue) and checks those signatures.</summary>
public sealed class DocumentSigning(DocumentsDbContext db, IFileStore files, ICertificateProvider certificates)
{
    /// <summary>Signs the main file as it is now; the caller adds the signature to its unit of work.</summary>
    public async Task<DocumentSignature> SignAsync(Guid documentId, SignatureKind kind, X509Certificate2 certificate, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var main = await MainFileAsync(documentId, cancellationToken)
            ?? throw new DomainRuleException("Chưa có tệp văn bản chính để ký số.", 422, "no-main-file");
        var content = await ReadAsync(main.Sha256, cancellationToken)
            ?? throw new DomainRuleException("Không đọc được tệp văn bản chính trong kho lưu trữ.", 500, "file-missing");
        var signature = new DocumentSignature
        {
            Id = Guid.CreateVersion7(),
            DocumentId = documentId,
            Kind = kind,
            SignerSubject = certificate.Subject,
            CertificateThumbprint = certificate.Thumbprint,
            FileSha256 = main.Sha256,
            Cms = DetachedSignature.Sign(content, certificate, new DateTimeOffset(nowUtc, TimeSpan.Zero)),
            SignedAtUtc = nowUtc,
        };
        return signature;
    }

    /// <summary>
    /// Checks every signature of the document against the stored main file, or against a copy
    /// someone holds (<paramref name="copy"/>), so a file altered anywhere after signing fails.
    /// </summary>
    public async Task<VerificationView> VerifyAsync(Guid documentId, byte[]? copy, CancellationToken cancellationToken)
    {
        var signatures = await db.Signatures.AsNoTracking()
            .Where(s => s.DocumentId == documentId).OrderBy(s => s.SignedAtUtc).ToListAsync(cancellationToken);
        var main = await MainFileAsync(documentId, cancellationToken);
        var content = copy ?? (main is null ? null : await ReadAsync(main.Sha256, cancellationToken));
        if (signatures.Count == 0 || content is null)
        {
            return new VerificationView(false, "Văn bản chưa được ký số.", []);
        }
        var roots = certificates.TrustedRoots();
        var checks = signatures.Select(s =>
        {
            var check = CmsSignatures.Verify(content, s.Cms, roots);
            return new SignatureCheckView(s.Kind.ToString(), check.Subject ?? s.SignerSubject, s.SignedAtUtc, check.Valid, check.Problem);
        }).ToArray();
        var valid = checks.All(c => c.Valid);
        return new VerificationView(valid, valid ? "Chữ ký số hợp lệ; tệp không bị thay đổi sau khi ký." : checks.First(c => !c.Valid).Problem!, checks);
    }

    private Task<Attachment?> MainFileAsync(Guid documentId, CancellationToken cancellationToken) =>
        db.Attachments.AsNoTracking().Where(a => a.DocumentId == documentId && a.IsMain)
            .OrderByDescending(a => a.UploadedAtUtc).FirstOrDefaultAsync(cancellationToken);

    private async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var stream = await files.OpenReadAsync(sha256, cancellationToken);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}

/// <summary>The answer of the verify endpoint.</summary>
public sealed record VerificationView(bool Valid, string Message, IReadOnlyList<SignatureCheckView> Signatures);

/// <summary>One signature's check.</summary>
public sealed record SignatureCheckView(string Kind, string Subject, DateTime SignedAtUtc, bool Valid, string? Problem);
