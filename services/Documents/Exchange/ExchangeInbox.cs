using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Platform.Documents.Files;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Exchange;

/// <summary>
/// Takes what another agency posts to us: a document package, checked (schema, hashes, signatures,
/// addressed to us, sent by the caller) and kept until the clerk registers or refuses it; or a status
/// package about a document we sent, applied to that recipient's delivery.
/// </summary>
public sealed class ExchangeInbox(DocumentsDbContext db, IFileStore files, AgencyDirectory agencies, ExchangeTrust trust, TimeProvider clock)
{
    /// <summary>Maximum package size taken; larger ones are refused before parsing.</summary>
    public const long MaxPackageBytes = Platform.Contracts.ExchangeLimits.MaxPackageBytes;

    /// <summary>What we answer the caller: 01 for a stored (or already stored) package, the applied code for a status.</summary>
    public async Task<FeedbackStatus> ReceiveAsync(Agency caller, byte[] body, CancellationToken cancellationToken)
    {
        var document = EdXmlReader.Load(new MemoryStream(body));
        return StatusPackage.IsStatus(document)
            ? await ApplyStatusAsync(caller, StatusPackage.Read(document), cancellationToken)
            : await StoreAsync(caller, document, body, cancellationToken);
    }

    private async Task<FeedbackStatus> ApplyStatusAsync(Agency caller, StatusPackage status, CancellationToken cancellationToken)
    {
        if (status.From.OrganId != caller.Code)
        {
            throw new DomainRuleException($"Gói tin trạng thái ghi cơ quan {status.From.OrganId} nhưng do cơ quan {caller.Code} gửi.", 403, "sender-mismatch");
        }
        var delivery = await db.ExchangeDeliveries.FirstOrDefaultAsync(
            d => d.ExchangeDocumentId == status.DocumentId && d.RecipientCode == caller.Code, cancellationToken)
            ?? throw new DomainRuleException($"Không có văn bản {status.DocumentId} đã gửi cho cơ quan {caller.Code}.", 422, "unknown-document");
        if (delivery.ApplyFeedback(status.Status, status.Description, clock.GetUtcNow().UtcDateTime))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return status.Status;
    }

    private async Task<FeedbackStatus> StoreAsync(Agency caller, XDocument xml, byte[] body, CancellationToken cancellationToken)
    {
        var package = EdXmlReader.Read(xml);
        var header = package.Header;
        if (header.From.OrganId != caller.Code)
        {
            throw new DomainRuleException($"Gói tin ghi cơ quan gửi {header.From.OrganId} nhưng do cơ quan {caller.Code} gửi.", 403, "sender-mismatch");
        }
        if (header.To.OrganId != agencies.Self.Code)
        {
            throw new DomainRuleException($"Gói tin gửi cho cơ quan {header.To.OrganId}, không phải {agencies.Self.Code}: gửi nhầm địa chỉ.", 422, "misaddressed");
        }
        PackageSignatures.EnsureValid(package, trust.Roots());

        var kind = package.Trace.Kind;
        // A redelivery is the same package again (same bytes, so same hash), or a new document we already hold.
        // A second update or recall request of one document is a package of its own and must not be dropped.
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
        if (await AlreadyStoredAsync(sha256, header.DocumentId, kind, cancellationToken))
        {
            return FeedbackStatus.Arrived;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (kind != BusinessKind.New)
        {
            var target = package.Trace.ReplacesDocumentId ?? header.DocumentId;
            var original = await db.ReceivedPackages.FirstOrDefaultAsync(p => p.DocumentId == target && p.Kind == BusinessKind.New, cancellationToken)
                ?? throw new DomainRuleException($"Không có văn bản {target} đã nhận để thu hồi, cập nhật hay thay thế.", 422, "unknown-document");
            original.Apply(FeedbackStatus.RecallRequested, null, now);
        }
        var stored = await files.SaveAsync(new MemoryStream(body), MaxPackageBytes, cancellationToken);
        db.ReceivedPackages.Add(ReceivedPackage.Start(new ReceivedPackage
        {
            Id = Guid.CreateVersion7(),
            DocumentId = header.DocumentId,
            Kind = kind,
            SenderCode = header.From.OrganId,
            SenderName = Cut(header.From.OrganName, 250),
            NumberAndCode = header.Code.ToString(),
            DocumentDate = header.PromulgationDate,
            DocumentType = Cut(header.TypeName, 100),
            Subject = Cut(header.Subject, 500),
            Priority = header.Other.Priority,
            PageAmount = header.Other.PageAmount,
            SignerName = Cut(header.Signer.FullName, 200),
            SenderReason = package.Trace.Reason is { } reason ? Cut(reason, 2000) : null,
            ReplacesDocumentId = package.Trace.ReplacesDocumentId is { } replaced ? Cut(replaced, 100) : null,
            PackageSha256 = stored.Sha256,
            ReceivedAtUtc = now,
        }, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same package arrived twice at once and the other request stored it; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (!await AlreadyStoredAsync(sha256, header.DocumentId, kind, CancellationToken.None)) throw;
        }
        return FeedbackStatus.Arrived;
    }

    /// <summary>Another vendor's schema may allow longer text than our columns; the package itself keeps the full text.</summary>
    private static string Cut(string value, int max) => value.Length > max ? value[..max] : value;

    private async Task<bool> AlreadyStoredAsync(string sha256, string documentId, BusinessKind kind, CancellationToken cancellationToken) =>
        await db.ReceivedPackages.AnyAsync(p => p.PackageSha256 == sha256 || (kind == BusinessKind.New && p.Kind == BusinessKind.New && p.DocumentId == documentId),
            cancellationToken);

    /// <summary>The package as received, for registration (its files) or for the record.</summary>
    public async Task<EdXmlPackage> ReadStoredAsync(ReceivedPackage package, CancellationToken cancellationToken)
    {
        await using var stream = await files.OpenReadAsync(package.PackageSha256, cancellationToken)
            ?? throw new DomainRuleException("Không đọc được gói tin đã nhận trong kho lưu trữ.", 500, "file-missing");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return EdXmlReader.Read(buffer);
    }
}
