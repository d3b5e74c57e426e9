using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Storage;

namespace Platform.Portal.Apis;

/// <summary>The portal editor handles citizen feedback and publishes the answers.</summary>
public static class FeedbackApi
{
    public sealed record AnswerRequest(string? Answer);
    public sealed record FeedbackView(
        Guid Id, string TrackingCode, string SenderName, string Contact, string Subject, string Content, string? AttachmentName,
        FeedbackStatus Status, DateTimeOffset ReceivedAt, string? Answer, DateTimeOffset? AnsweredAt, string? HandledBy)
    {
        public static FeedbackView From(Feedback f) => new(
            f.FeedbackId, f.TrackingCode, f.SenderName, f.Contact, f.Subject, f.Content, f.Attachment?.OriginalName,
            f.Status, f.ReceivedAt, f.Answer, f.AnsweredAt, f.HandledBy);
    }

    public static RouteGroupBuilder MapFeedbackApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/staff/api/feedback").RequireAuthorization(NewsApi.EditorPolicy).WithTags("Citizen feedback");
        group.MapGet("/", List);
        group.MapGet("/{code}", Get);
        group.MapGet("/{code}/attachment", Attachment);
        group.MapPost("/{code}/start", (string code, ClaimsPrincipal user, PortalDbContext db, CancellationToken ct) =>
            Change(code, db, ct, f => f.StartHandling(user.Username())));
        group.MapPost("/{code}/answer", (string code, AnswerRequest request, ClaimsPrincipal user, PortalDbContext db, TimeProvider clock, CancellationToken ct) =>
            Change(code, db, ct, f => f.PublishAnswer(request.Answer.NfcOrNull() ?? "", user.Username(), clock.GetUtcNow())));
        return group;
    }

    private static async Task<Ok<FeedbackView[]>> List(PortalDbContext db, FeedbackStatus? status, CancellationToken cancellationToken)
    {
        var query = db.Feedback.AsNoTracking();
        if (status is not null) query = query.Where(f => f.Status == status);
        var items = await query.OrderByDescending(f => f.ReceivedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(items.Select(FeedbackView.From).ToArray());
    }

    private static async Task<Results<Ok<FeedbackView>, NotFound>> Get(string code, PortalDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(code, db, cancellationToken) is { } feedback ? TypedResults.Ok(FeedbackView.From(feedback)) : TypedResults.NotFound();

    /// <summary>Served as a download, never inline: a citizen's file is not trusted content on the portal's origin.</summary>
    private static async Task<Results<PhysicalFileHttpResult, NotFound>> Attachment(
        string code, PortalDbContext db, ServiceInfo service, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, db, cancellationToken) is not { Attachment: { } attachment }) return TypedResults.NotFound();
        var path = Path.Combine(service.OwnFolder(), "feedback-attachments", attachment.StoredName);
        return File.Exists(path)
            ? TypedResults.PhysicalFile(path, attachment.ContentType, attachment.OriginalName)
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<FeedbackView>, NotFound>> Change(string code, PortalDbContext db, CancellationToken cancellationToken, Action<Feedback> change)
    {
        if (await FindAsync(code, db, cancellationToken, track: true) is not { } feedback) return TypedResults.NotFound();
        change(feedback);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FeedbackView.From(feedback));
    }

    private static Task<Feedback?> FindAsync(string code, PortalDbContext db, CancellationToken cancellationToken, bool track = false)
    {
        var canonical = TrackingCode.Normalize(code);
        if (canonical is null) return Task.FromResult<Feedback?>(null);
        var query = track ? db.Feedback : db.Feedback.AsNoTracking();
        return query.SingleOrDefaultAsync(f => f.TrackingCode == canonical, cancellationToken);
    }
}
