using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Storage;

namespace Platform.Portal.Apis;

/// <summary>The portal editor keeps the standing sections (introduction, contacts ...) current.</summary>
public static class SectionsApi
{
    public sealed record SectionRequest(string? Title, string? Body, string? Links);
    public sealed record SectionView(string Key, string Title, string Body, string Links, DateTimeOffset UpdatedAt, string UpdatedBy)
    {
        public static SectionView From(PortalSection s) => new(s.Key, s.Title, s.Body, s.LinksText, s.UpdatedAt, s.UpdatedBy);
    }

    public static RouteGroupBuilder MapSectionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/staff/api/sections").RequireAuthorization(NewsApi.EditorPolicy).WithTags("Sections");
        group.MapGet("/", async (PortalDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Sections.AsNoTracking().ToListAsync(ct)).Select(SectionView.From).ToArray()));
        group.MapPut("/{key}", Update);
        return group;
    }

    private static async Task<Results<Ok<SectionView>, NotFound, ValidationProblem>> Update(
        string key, SectionRequest request, ClaimsPrincipal user, PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!PortalSections.Exists(key)) return TypedResults.NotFound();
        var title = request.Title.NfcOrNull();
        var body = request.Body.NfcOrNull() ?? "";
        var links = request.Links.NfcOrNull() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (title is null || title.Length > PortalSections.TitleLimit) errors["title"] = [$"Tiêu đề bắt buộc, không quá {PortalSections.TitleLimit} ký tự."];
        if (body.Length > PortalSections.BodyLimit) errors["body"] = [$"Nội dung không quá {PortalSections.BodyLimit} ký tự."];
        if (links.Length > PortalSections.LinksLimit) errors["links"] = [$"Danh sách liên kết không quá {PortalSections.LinksLimit} ký tự."];
        var unsafeLinks = links.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => SectionLink.Parse(line).Count == 0).ToArray();
        if (unsafeLinks.Length > 0) errors["links"] = [$"Mỗi dòng có dạng “Tên | địa chỉ http(s) hoặc /đường-dẫn”; không hợp lệ: {string.Join("; ", unsafeLinks)}"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Dữ liệu chuyên mục không hợp lệ");

        var section = await db.Sections.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (section is null)
        {
            section = new PortalSection { Key = key, Title = title!, Body = body, UpdatedBy = user.Username() };
            db.Sections.Add(section);
        }
        section.Title = title!;
        section.Body = body;
        section.LinksText = links;
        section.UpdatedAt = clock.GetUtcNow();
        section.UpdatedBy = user.Username();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SectionView.From(section));
    }
}
