using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Documents.Audit;
using Platform.Documents.Exchange;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Apis;

/// <summary>An issued document's agencies over the exchange (nơi nhận liên thông): their status, more agencies, an update.</summary>
public static class OutgoingRecipientsApi
{
    public static RouteGroupBuilder MapOutgoingRecipientsApi(this RouteGroupBuilder group)
    {
        var clerks = new[] { Roles.Clerk, Roles.Administrator };
        group.MapGet("/{id:guid}/recipients", Recipients);
        group.MapPost("/{id:guid}/recipients", Send).RequireAuthorization(p => p.RequireRole(clerks));
        group.MapPost("/{id:guid}/exchange-request", Request).RequireAuthorization(p => p.RequireRole(clerks));
        return group;
    }

    /// <summary>
    /// Per-recipient status of a sent document, one entry per agency, in the order they were added:
    /// <code>
    /// [{ "agencyCode": "000.00.03.H56", "agencyName": "Sở Tài chính",
    ///    "status": "Accepted",  // NotSent, Sent, Failed, Arrived, Accepted, Refused, Assigned, InProgress, Done
    ///    "statusLabel": "Đã tiếp nhận", "attempts": 1, "lastError": null, "reason": null,
    ///    "sentAtUtc": "...", "statusAtUtc": "...", "nextAttemptUtc": null,
    ///    "recall": "None",      // None, Requested, Accepted, Refused: the sender's recall/update request
    ///    "recallLabel": "", "slowToAccept": false }]
    /// </code>
    /// <c>reason</c> is the recipient's reason for a refusal (02) or a refused recall (16); <c>lastError</c>
    /// and <c>nextAttemptUtc</c> say why a delivery failed and when it is tried again; <c>slowToAccept</c> flags
    /// a package delivered but not registered by the end of the next working day (weekends skipped).
    /// </summary>
    private static async Task<Results<Ok<RecipientView[]>, NotFound>> Recipients(
        Guid id, ClaimsPrincipal user, DocumentsDbContext db, AgencyDirectory agencies, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OutgoingDocumentsApi.FindAsync(db, user, id, cancellationToken) is null) return TypedResults.NotFound();
        var deliveries = await db.ExchangeDeliveries.AsNoTracking().Where(d => d.OutgoingDocumentId == id).ToListAsync(cancellationToken);
        var ids = deliveries.Select(d => (Guid?)d.Id).ToList();
        var pending = await db.ExchangeMessages.AsNoTracking()
            .Where(m => m.CompletedAtUtc == null && m.DeliveryId != null && ids.Contains(m.DeliveryId))
            .Select(m => new { m.DeliveryId, m.NextAttemptUtc }).ToListAsync(cancellationToken);
        var today = VietnamTime.Today(clock);
        return TypedResults.Ok(deliveries.OrderBy(d => d.Id).Select(d => RecipientView.From(d, agencies.Find(d.RecipientCode),
            pending.Where(m => m.DeliveryId == d.Id).Select(m => (DateTime?)m.NextAttemptUtc).Min(),
            d.IsSlowToAccept(today, WorkingCalendar.WeekendsOnly))).ToArray());
    }

    /// <summary>Sends an issued document to more agencies (by code); refused for secret documents.</summary>
    private static async Task<Results<Ok<RecipientView[]>, NotFound>> Send(
        Guid id, SendToAgenciesRequest request, ClaimsPrincipal user, DocumentsDbContext db, AgencyDirectory agencies,
        ExchangeOutbox exchange, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var document = await OutgoingDocumentsApi.FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        if (request.Agencies is not { Count: > 0 }) throw new DomainRuleException("Chưa chọn cơ quan nhận.", 422, "no-recipients");
        var recipients = request.Agencies.Select(agencies.Get).ToList();
        var created = await exchange.SendAsync(document, recipients, cancellationToken);
        audit.Record(id, "ExchangeSend", document.Status, document.Status, string.Join(", ", created.Select(d => d.RecipientCode)));
        await db.SaveChangesAsync(cancellationToken);
        return await Recipients(id, user, db, agencies, clock, cancellationToken);
    }

    /// <summary>
    /// Asks every agency that has the document to take an update (2), with the reason. A replacement (3) is
    /// the issue of a document whose <c>replacesId</c> names this one: it goes to every agency holding it.
    /// </summary>
    private static async Task<Results<Ok<RecipientView[]>, NotFound>> Request(
        Guid id, ExchangeChangeRequest request, ClaimsPrincipal user, DocumentsDbContext db, AgencyDirectory agencies,
        ExchangeOutbox exchange, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var document = await OutgoingDocumentsApi.FindAsync(db, user, id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        if (!Enum.TryParse<BusinessKind>(request.Kind, ignoreCase: true, out var kind) || kind != BusinessKind.Update)
        {
            throw new DomainRuleException(
                "Chỉ yêu cầu cập nhật (Update) ở đây; thu hồi dùng chức năng thu hồi văn bản, thay thế là phát hành văn bản thay thế (replacesId).",
                422, "invalid-kind");
        }
        var reason = request.Reason.NfcOrNull() ?? throw new DomainRuleException("Yêu cầu cập nhật, thay thế phải nêu lý do.", 422, "reason-required");
        if (reason.Length > 2000) reason = reason[..2000];
        var asked = await exchange.RequestAsync(document, kind, reason, cancellationToken);
        audit.Record(id, "Exchange" + kind, document.Status, document.Status, $"{asked} nơi nhận; {reason}");
        await db.SaveChangesAsync(cancellationToken);
        return await Recipients(id, user, db, agencies, clock, cancellationToken);
    }
}

public sealed record SendToAgenciesRequest(IReadOnlyList<string>? Agencies);

/// <param name="Kind">"Update" (cập nhật).</param>
public sealed record ExchangeChangeRequest(string? Kind, string? Reason);

public sealed record RecipientView(
    string AgencyCode, string AgencyName, string Status, string StatusLabel, int Attempts, string? LastError, string? Reason,
    DateTime? SentAtUtc, DateTime? StatusAtUtc, DateTime? NextAttemptUtc, string Recall, string RecallLabel, bool SlowToAccept)
{
    public static RecipientView From(RecipientDelivery d, Agency? agency, DateTime? nextAttemptUtc, bool slowToAccept) => new(
        d.RecipientCode, agency?.Name ?? d.RecipientCode, d.Status.ToString(), d.Status.Label(), d.Attempts, d.LastError, d.Reason,
        d.SentAtUtc, d.StatusAtUtc, nextAttemptUtc, d.Recall.ToString(), d.Recall switch
        {
            RecallState.Requested => "Đã yêu cầu thu hồi, cập nhật",
            RecallState.Accepted => "Đồng ý thu hồi, cập nhật",
            RecallState.Refused => "Từ chối thu hồi, cập nhật",
            _ => "",
        }, slowToAccept);
}
