using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Exchange;

/// <summary>
/// Sends the packages <see cref="ExchangeOutbox"/> wrote, in the background: due ones first, each
/// claimed before it is sent so two replicas never send the same one at once; a failure waits its turn
/// on the <see cref="RetrySchedule"/>. Delivery is at least once: the receiver keeps one row per
/// DocumentId and business kind, so a repeat changes nothing there.
/// </summary>
public sealed class ExchangeDispatcher(IServiceScopeFactory scopes, IOptions<ExchangeOptions> options, TimeProvider clock, ILogger<ExchangeDispatcher> logger)
    : BackgroundService
{
    /// <summary>How long a claimed message is left alone before another replica may take it over.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                    // A full batch: more may be due.
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Exchange dispatch round failed; retrying at the next poll.");
            }
            try { await Task.Delay(options.Value.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Sends one batch of due messages; returns how many were due.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DocumentsDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            due = await db.ExchangeMessages.AsNoTracking()
                .Where(m => m.CompletedAtUtc == null && m.NextAttemptUtc <= now)
                .OrderBy(m => m.NextAttemptUtc).Select(m => m.Id).Take(20).ToListAsync(cancellationToken);
        }
        foreach (var id in due)
        {
            using var scope = scopes.CreateScope();
            await SendOneAsync(scope.ServiceProvider, id, cancellationToken);
        }
        return due.Count;
    }

    private async Task SendOneAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DocumentsDbContext>();
        var message = await db.ExchangeMessages.FirstOrDefaultAsync(m => m.Id == id && m.CompletedAtUtc == null, cancellationToken);
        if (message is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        // The claim: NextAttemptUtc is a concurrency token, so only one replica moves it forward.
        message.NextAttemptUtc = now + Lease;
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DomainRuleException) { return; }

        var agencies = services.GetRequiredService<AgencyDirectory>();
        var recipient = agencies.Find(message.RecipientCode);
        var delivery = message.DeliveryId is { } deliveryId
            ? await db.ExchangeDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken)
            : null;
        var channel = recipient is null ? null : services.GetServices<IExchangeChannel>().FirstOrDefault(c => c.Reaches(recipient));
        if (recipient is null || channel is null)
        {
            // Nothing can carry it: the sender's side must fix its directory or connect the axis; the recipient said nothing.
            await GiveUpAsync(db, message, delivery, recipient is null
                ? $"Cơ quan {message.RecipientCode} không còn trong danh bạ liên thông."
                : $"Chưa có đường gửi tới {recipient.Name} ({recipient.Code}): cơ quan không có địa chỉ nhận trực tiếp và trục liên thông chưa được kết nối.",
                cancellationToken);
            return;
        }
        XDocument package;
        try
        {
            package = await PackageAsync(services, db, message, delivery, cancellationToken);
        }
        catch (DomainRuleException e)
        {
            // The document cannot be sent at all (secret, recalled, file missing): retrying will not help.
            await GiveUpAsync(db, message, delivery, e.Message, cancellationToken);
            return;
        }
        var result = await channel.SendAsync(recipient, package, cancellationToken);
        Settle(message, delivery, result, clock.GetUtcNow().UtcDateTime, bySender: false);
        await db.SaveChangesAsync(cancellationToken);
        if (result is DeliveryResult.Unreachable unreachable)
        {
            logger.LogWarning("Exchange package {Id} to {Recipient} not delivered (attempt {Attempts}): {Error}",
                message.Id, message.RecipientCode, message.Attempts, unreachable.Error);
        }
    }

    private async Task GiveUpAsync(DocumentsDbContext db, ExchangeMessage message, RecipientDelivery? delivery, string reason, CancellationToken cancellationToken)
    {
        Settle(message, delivery, new DeliveryResult.Rejected(reason), clock.GetUtcNow().UtcDateTime, bySender: true);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Exchange package {Id} to {Recipient} not sent: {Reason}", message.Id, message.RecipientCode, reason);
    }

    private static async Task<XDocument> PackageAsync(IServiceProvider services, DocumentsDbContext db, ExchangeMessage message, RecipientDelivery? delivery, CancellationToken cancellationToken)
    {
        if (message.Kind == ExchangeMessageKind.Status) return XDocument.Parse(message.Payload!);
        if (delivery is null) throw new DomainRuleException("Không còn bản ghi gửi của gói tin này.", 410, "delivery-missing");
        var document = await db.OutgoingDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == delivery.OutgoingDocumentId, cancellationToken)
            ?? throw new DomainRuleException("Văn bản đi không còn.", 410, "document-missing");
        return await services.GetRequiredService<ExchangePackages>().BuildAsync(document, message.RecipientCode, message.BusinessKind, message.Reason, cancellationToken,
            new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAtUtc, DateTimeKind.Utc)));
    }

    /// <summary>What one attempt means for the message and, for a document package, for the recipient's delivery.</summary>
    private void Settle(ExchangeMessage message, RecipientDelivery? delivery, DeliveryResult result, DateTime nowUtc, bool bySender)
    {
        // A new document and a replacement travel on their own delivery; recall and update ride on the original's.
        var isNew = message.Kind == ExchangeMessageKind.Document && message.BusinessKind is BusinessKind.New or BusinessKind.Replace;
        switch (result)
        {
            case DeliveryResult.Delivered delivered:
                message.Completed(nowUtc);
                if (isNew && delivery is not null)
                {
                    delivery.DeliverySucceeded(nowUtc);
                    TryApply(delivery, delivered.Feedback, null, nowUtc);
                }
                break;
            case DeliveryResult.Rejected rejected:
                message.Completed(nowUtc, rejected.Reason);
                if (delivery is null) break;
                if (isNew && bySender) delivery.DeliveryFailed(rejected.Reason, nowUtc);
                else if (isNew) TryApply(delivery, FeedbackStatus.Refused, rejected.Reason, nowUtc);
                else if (message.Kind == ExchangeMessageKind.Document) TryApply(delivery, FeedbackStatus.RecallRefused, rejected.Reason, nowUtc);
                break;
            case DeliveryResult.Unreachable unreachable:
                message.Failed(unreachable.Error, nowUtc, new RetrySchedule(options.Value.RetryFirst, options.Value.RetryLongest));
                if (isNew) delivery?.DeliveryFailed(unreachable.Error, nowUtc);
                break;
        }
    }

    private void TryApply(RecipientDelivery delivery, FeedbackStatus feedback, string? reason, DateTime nowUtc)
    {
        try { delivery.ApplyFeedback(feedback, reason, nowUtc); }
        catch (DomainRuleException e)
        {
            // The recipient's own status packages are the authority; a contradicting answer is only logged.
            logger.LogWarning("Feedback {Code} from {Recipient} ignored: {Reason}", feedback.Code(), delivery.RecipientCode, e.Message);
        }
    }
}
