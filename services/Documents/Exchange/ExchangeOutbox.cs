using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Documents.Domain;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Exchange;

/// <summary>
/// Adds what must leave for other agencies to the caller's unit of work, so it commits with the change
/// that calls for it (issue, recall, registration, direction...). <see cref="ExchangeDispatcher"/> sends it.
/// </summary>
public sealed class ExchangeOutbox(DocumentsDbContext db, AgencyDirectory agencies, TimeProvider clock)
{
    /// <summary>The agencies among the document's recipients (nơi nhận), named by code or by name.</summary>
    public IReadOnlyList<Agency> ExternalRecipients(OutgoingDocument document) =>
        document.Recipients.Select(Find).OfType<Agency>().Where(a => a.Code != agencies.Self.Code).DistinctBy(a => a.Code).ToList();

    /// <summary>
    /// One delivery per agency, each with its package waiting to leave. Secret documents are refused:
    /// they never travel over the electronic exchange (Nghị định 30/2020).
    /// </summary>
    public async Task<IReadOnlyList<RecipientDelivery>> SendAsync(OutgoingDocument document, IReadOnlyList<Agency> recipients, CancellationToken cancellationToken)
    {
        if (document.Secrecy != Secrecy.None)
        {
            throw new DomainRuleException("Văn bản mật không được gửi qua trục liên thông văn bản điện tử.", 422, "secret-not-exchanged");
        }
        if (document.NumberAndCode is null || document.IssuedDate is null || document.Status is not (OutgoingStatus.Issued or OutgoingStatus.Filed))
        {
            throw new DomainRuleException("Chỉ gửi liên thông được văn bản đã phát hành.", 409, "not-issued");
        }
        var known = await db.ExchangeDeliveries.Where(d => d.OutgoingDocumentId == document.Id).Select(d => d.RecipientCode).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var documentId = EdXml.DocumentId(agencies.Self.Code, document.IssuedDate.Value, DocumentCode.Parse(document.NumberAndCode));
        // Agencies holding the document this one replaces get it as a replacement (3), whether named again or not.
        var replaced = await ReplacedDeliveriesAsync(document, cancellationToken);
        var targets = recipients.Concat(replaced.Select(d => agencies.Find(d.RecipientCode)).OfType<Agency>())
            .Where(r => !known.Contains(r.Code) && r.Code != agencies.Self.Code).DistinctBy(r => r.Code);
        var created = new List<RecipientDelivery>();
        foreach (var recipient in targets)
        {
            var delivery = new RecipientDelivery
            {
                Id = Guid.CreateVersion7(),
                OutgoingDocumentId = document.Id,
                ExchangeDocumentId = documentId,
                RecipientCode = recipient.Code,
            };
            db.ExchangeDeliveries.Add(delivery);
            var old = replaced.FirstOrDefault(d => d.RecipientCode == recipient.Code);
            old?.RequestRecall(now);
            Enqueue(recipient.Code, ExchangeMessageKind.Document, delivery.Id, old is null ? BusinessKind.New : BusinessKind.Replace,
                old is null ? null : $"Thay thế văn bản {old.ExchangeDocumentId.Split(',').Last()}", null, now);
            created.Add(delivery);
        }
        return created;
    }

    /// <summary>Deliveries of the replaced document to agencies that have it and have not been asked to give it up.</summary>
    private async Task<List<RecipientDelivery>> ReplacedDeliveriesAsync(OutgoingDocument document, CancellationToken cancellationToken)
    {
        if (document.ReplacesId is not { } replacedId) return [];
        var deliveries = await db.ExchangeDeliveries.Where(d => d.OutgoingDocumentId == replacedId).ToListAsync(cancellationToken);
        return deliveries.Where(d => d.Status is not (RecipientStatus.NotSent or RecipientStatus.Failed or RecipientStatus.Refused)
            && d.Recall is not (RecallState.Requested or RecallState.Accepted)).ToList();
    }

    /// <summary>
    /// Asks every recipient that has the document to recall, update or replace it (13). One that never
    /// got it is simply not sent it: its pending package is cancelled.
    /// </summary>
    public async Task<int> RequestAsync(OutgoingDocument document, BusinessKind kind, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var deliveries = await db.ExchangeDeliveries.Where(d => d.OutgoingDocumentId == document.Id).ToListAsync(cancellationToken);
        var asked = 0;
        foreach (var delivery in deliveries)
        {
            if (delivery.Status is RecipientStatus.NotSent or RecipientStatus.Failed)
            {
                var pending = await db.ExchangeMessages.Where(m => m.DeliveryId == delivery.Id && m.CompletedAtUtc == null).ToListAsync(cancellationToken);
                foreach (var message in pending) message.Completed(now, $"Không gửi nữa: văn bản đã {Verb(kind)} trước khi đến nơi nhận.");
                continue;
            }
            if (delivery.Status == RecipientStatus.Refused || delivery.Recall is RecallState.Requested or RecallState.Accepted) continue;
            delivery.RequestRecall(now);
            Enqueue(delivery.RecipientCode, ExchangeMessageKind.Document, delivery.Id, kind, reason, null, now);
            asked++;
        }
        return asked;
    }

    /// <summary>Tells the sender of a received package where its document stands (01 to 16).</summary>
    public void ReportStatus(ReceivedPackage package, FeedbackStatus status, string? reason, string? staff)
    {
        var now = clock.GetUtcNow();
        var payload = new StatusPackage(package.DocumentId, agencies.Self.ToOrganization(), status, reason.NfcOrNull(), now, staff).Write();
        Enqueue(package.SenderCode, ExchangeMessageKind.Status, null, package.Kind, reason, payload.Declaration + payload.ToString(System.Xml.Linq.SaveOptions.DisableFormatting), now.UtcDateTime);
    }

    /// <summary>
    /// The handling of a document registered from a package goes back to its sender: 04 when a leader
    /// assigns it, 05 while the lead unit reports, 06 when done. A step the standard has no code for here
    /// (an urgent document handled before it was assigned, a recall pending) sends nothing rather than
    /// holding up the office's own work.
    /// </summary>
    public async Task ReportHandlingAsync(Guid incomingDocumentId, FeedbackStatus next, string? description, string? staff, CancellationToken cancellationToken)
    {
        var package = await db.ReceivedPackages.FirstOrDefaultAsync(p => p.IncomingDocumentId == incomingDocumentId, cancellationToken);
        if (package is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        if (package.State == FeedbackStatus.Accepted && next is FeedbackStatus.InProgress or FeedbackStatus.Done)
        {
            ReportStatus(package, package.Apply(FeedbackStatus.Assigned, null, now), null, staff);
        }
        try
        {
            package.Apply(next, null, now);
        }
        catch (DomainRuleException)
        {
            return;
        }
        ReportStatus(package, next, description, staff);
    }

    /// <summary>
    /// A document registered from a package and then returned (trả lại) goes back to its sender as 02 with
    /// the reason. While a recall is pending the return is refused: the request is answered first.
    /// </summary>
    public async Task ReportReturnedAsync(Guid incomingDocumentId, string reason, string? staff, CancellationToken cancellationToken)
    {
        var package = await db.ReceivedPackages.FirstOrDefaultAsync(p => p.IncomingDocumentId == incomingDocumentId, cancellationToken);
        if (package is null) return;
        ReportStatus(package, package.Apply(FeedbackStatus.Refused, reason, clock.GetUtcNow().UtcDateTime), reason, staff);
    }

    private void Enqueue(string recipientCode, ExchangeMessageKind kind, Guid? deliveryId, BusinessKind business, string? reason, string? payload, DateTime nowUtc) =>
        db.ExchangeMessages.Add(new ExchangeMessage
        {
            Id = Guid.CreateVersion7(),
            RecipientCode = recipientCode,
            Kind = kind,
            DeliveryId = deliveryId,
            BusinessKind = business,
            Reason = reason,
            Payload = payload,
            CreatedAtUtc = nowUtc,
            NextAttemptUtc = nowUtc,
        });

    private Agency? Find(string recipient)
    {
        var name = recipient.Nfc().Trim();
        return agencies.Find(name) ?? agencies.All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private static string Verb(BusinessKind kind) => kind switch
    {
        BusinessKind.Recall => "thu hồi",
        BusinessKind.Update => "cập nhật",
        _ => "thay thế",
    };
}
