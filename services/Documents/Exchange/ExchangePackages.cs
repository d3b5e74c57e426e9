using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Documents.Domain;
using Platform.Documents.Files;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults.Errors;
using UglyToad.PdfPig;

namespace Platform.Documents.Exchange;

/// <summary>Gathers what a package needs from storage (files, signatures, the directory) and builds it.</summary>
public sealed class ExchangePackages(DocumentsDbContext db, IFileStore files, AgencyDirectory agencies, IOptions<ExchangeOptions> options, TimeProvider clock)
{
    public async Task<XDocument> BuildAsync(OutgoingDocument document, string recipientCode, CancellationToken cancellationToken) =>
        await BuildAsync(document, recipientCode, BusinessKind.New, null, cancellationToken);

    /// <param name="requestedAt">
    /// When the send was asked for, stamped in the trace header. A retry of the same message passes the same
    /// time, so it rebuilds the same bytes and the receiver knows it by the package hash as a redelivery.
    /// </param>
    public async Task<XDocument> BuildAsync(OutgoingDocument document, string recipientCode, BusinessKind kind, string? reason, CancellationToken cancellationToken,
        DateTimeOffset? requestedAt = null)
    {
        var recipient = agencies.Get(recipientCode);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.DocumentId == document.Id)
            .OrderByDescending(a => a.IsMain).ThenBy(a => a.UploadedAtUtc).ToListAsync(cancellationToken);
        var signatures = await db.Signatures.AsNoTracking().Where(s => s.DocumentId == document.Id)
            .OrderBy(s => s.SignedAtUtc).ToListAsync(cancellationToken);
        var packageFiles = new List<PackageFile>();
        foreach (var attachment in attachments)
        {
            await using var stream = await files.OpenReadAsync(attachment.Sha256, cancellationToken)
                ?? throw new DomainRuleException($"Không đọc được tệp \"{attachment.FileName}\" trong kho lưu trữ.", 500, "file-missing");
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            packageFiles.Add(new PackageFile(attachment, buffer.ToArray()));
        }
        var main = packageFiles.FirstOrDefault(f => f.Attachment.IsMain);
        var packageOptions = new PackageOptions(options.Value.Place, main is null ? 0 : PageCount(main.Content), kind, reason,
            ReplacesDocumentId: kind == BusinessKind.Replace ? await ReplacedDocumentIdAsync(document, cancellationToken) : null);
        var package = EdXmlPackageBuilder.Build(document, packageFiles, signatures, agencies.Self.ToOrganization(),
            recipient.ToOrganization(), packageOptions, requestedAt ?? clock.GetUtcNow());
        return EdXmlWriter.Write(package);
    }

    private async Task<string?> ReplacedDocumentIdAsync(OutgoingDocument document, CancellationToken cancellationToken)
    {
        var replaced = document.ReplacesId is { } id ? await db.OutgoingDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) : null;
        return replaced is { NumberAndCode: not null, IssuedDate: not null }
            ? EdXml.DocumentId(agencies.Self.Code, replaced.IssuedDate.Value, DocumentCode.Parse(replaced.NumberAndCode))
            : null;
    }

    /// <summary>Số trang of the main file; a file PdfPig cannot open counts as 0 rather than blocking the send.</summary>
    private static int PageCount(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            return document.NumberOfPages;
        }
#pragma warning disable CA1031 // an unreadable file only loses its page count
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }
}
