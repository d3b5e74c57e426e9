using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Storage;

namespace Platform.Portal.Apis;

/// <summary>The portal editor puts drafts out for comment and reads the comments for the drafting body.</summary>
public static class ConsultationsApi
{
    public sealed record DraftRequest(string? Title, string? DraftingBody, string? Summary, DateOnly OpensOn, DateOnly ClosesOn);
    public sealed record DraftView(Guid Id, string Title, string DraftingBody, string Summary, DateOnly OpensOn, DateOnly ClosesOn);
    public sealed record CommentView(Guid Id, string SenderName, string Contact, string Content, DateTimeOffset ReceivedAt);

    public static RouteGroupBuilder MapConsultationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/staff/api/consultations").RequireAuthorization(NewsApi.EditorPolicy).WithTags("Consultations");
        group.MapPost("/", Create);
        group.MapGet("/{id:guid}/comments", async (Guid id, PortalDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.ConsultationComments.AsNoTracking().Where(c => c.DraftId == id).OrderBy(c => c.ReceivedAt)
                .Select(c => new CommentView(c.CommentId, c.SenderName, c.Contact, c.Content, c.ReceivedAt)).ToArrayAsync(ct)));
        return group;
    }

    private static async Task<Results<Created<DraftView>, ValidationProblem>> Create(
        DraftRequest request, ClaimsPrincipal user, PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var title = request.Title.NfcOrNull();
        var body = request.DraftingBody.NfcOrNull();
        var summary = request.Summary.NfcOrNull();
        var errors = new Dictionary<string, string[]>();
        if (title is null || title.Length > ConsultationLimits.Title) errors["title"] = [$"Tên dự thảo bắt buộc, không quá {ConsultationLimits.Title} ký tự."];
        if (body is null || body.Length > ConsultationLimits.DraftingBody) errors["draftingBody"] = [$"Cơ quan soạn thảo bắt buộc, không quá {ConsultationLimits.DraftingBody} ký tự."];
        if (summary is null || summary.Length > ConsultationLimits.Summary) errors["summary"] = [$"Nội dung tóm tắt bắt buộc, không quá {ConsultationLimits.Summary} ký tự."];
        if (request.ClosesOn < request.OpensOn) errors["closesOn"] = ["Ngày kết thúc lấy ý kiến phải sau ngày bắt đầu."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Dữ liệu dự thảo không hợp lệ");
        var draft = new ConsultationDraft
        {
            DraftId = Guid.CreateVersion7(),
            Title = title!,
            DraftingBody = body!,
            Summary = summary!,
            OpensOn = request.OpensOn,
            ClosesOn = request.ClosesOn,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.Username(),
        };
        db.ConsultationDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/lay-y-kien-du-thao/{draft.DraftId}",
            new DraftView(draft.DraftId, draft.Title, draft.DraftingBody, draft.Summary, draft.OpensOn, draft.ClosesOn));
    }
}
