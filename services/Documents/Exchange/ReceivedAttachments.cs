using Platform.Documents.Domain;
using Platform.Documents.Files;
using Platform.Documents.Persistence;

namespace Platform.Documents.Exchange;

/// <summary>
/// The files of a received package become the registered document's attachments, stored by hash like
/// any upload; the file the sender's leader signed is the main file, its signatures kept with it.
/// </summary>
public sealed class ReceivedAttachments(DocumentsDbContext db, IFileStore files, TimeProvider clock)
{
    public async Task AddAsync(Guid documentId, EdXmlPackage package, string username, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var signed = package.Signatures.FirstOrDefault(s => s.Kind == SignatureKind.Signer)?.ContentId ?? package.Attachments.FirstOrDefault()?.ContentId;
        foreach (var file in package.Attachments)
        {
            var stored = await files.SaveAsync(new MemoryStream(file.Content), ExchangeInbox.MaxPackageBytes, cancellationToken);
            var isPdf = AttachmentRules.IsPdf(file.ContentType);
            db.Attachments.Add(new Attachment
            {
                Id = Guid.CreateVersion7(),
                DocumentId = documentId,
                FileName = Cut(file.Name, 255),
                ContentType = Cut(file.ContentType, 100),
                Length = stored.Length,
                Sha256 = stored.Sha256,
                IsMain = file.ContentId == signed,
                ExtractedText = isPdf ? PdfText.Extract(file.Content) : null,
                UploadedBy = username,
                UploadedAtUtc = now,
            });
        }
        foreach (var signature in package.Signatures)
        {
            var file = package.Attachments.First(a => a.ContentId == signature.ContentId);
            db.Signatures.Add(new DocumentSignature
            {
                Id = Guid.CreateVersion7(),
                DocumentId = documentId,
                Kind = signature.Kind,
                SignerSubject = Cut(signature.SignerSubject, 500),
                CertificateThumbprint = Cut(signature.CertificateThumbprint, 128),
                FileSha256 = file.Sha256,
                SignedAtUtc = signature.SignedAtUtc,
                Cms = signature.Cms,
            });
        }
    }

    private static string Cut(string value, int max) => value.Length > max ? value[..max] : value;
}
