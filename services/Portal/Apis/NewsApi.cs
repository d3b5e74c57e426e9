using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Storage;

namespace Platform.Portal.Apis;

/// <summary>The portal editor's news desk: categories, articles and their workflow.</summary>
public static class NewsApi
{
    public const string EditorPolicy = "portal-editor";

    public sealed record CategoryRequest(string? Name);
    public sealed record CategoryView(Guid Id, string Name, string Slug);
    public sealed record ArticleRequest(Guid CategoryId, string? Title, string? Summary, string? Body, string? ImageUrl, string? ImageCaption);
    public sealed record ArticleView(
        Guid Id, Guid CategoryId, string Title, string Slug, string Summary, string Body, string? ImageUrl, string? ImageCaption,
        NewsStatus Status, string Author, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, string? LastActor)
    {
        public static ArticleView From(NewsArticle a) => new(
            a.ArticleId, a.CategoryId, a.Title, a.Slug, a.Summary, a.Body, a.ImageUrl, a.ImageCaption,
            a.Status, a.Author, a.CreatedAt, a.UpdatedAt, a.PublishedAt, a.LastActor);
    }

    public static RouteGroupBuilder MapNewsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/staff/api/news").RequireAuthorization(EditorPolicy).WithTags("News");
        group.MapGet("/categories", ListCategories);
        group.MapPost("/categories", CreateCategory);
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Edit);
        group.MapPost("/{id:guid}/submit", (Guid id, ClaimsPrincipal user, PortalDbContext db, TimeProvider clock, CancellationToken ct) =>
            Transition(id, db, ct, a => a.SubmitForReview(user.Username(), clock.GetUtcNow())));
        group.MapPost("/{id:guid}/return", (Guid id, ClaimsPrincipal user, PortalDbContext db, TimeProvider clock, CancellationToken ct) =>
            Transition(id, db, ct, a => a.ReturnToDraft(user.Username(), clock.GetUtcNow())));
        group.MapPost("/{id:guid}/publish", (Guid id, ClaimsPrincipal user, PortalDbContext db, TimeProvider clock, CancellationToken ct) =>
            Transition(id, db, ct, a => a.Publish(user.Username(), clock.GetUtcNow())));
        group.MapPost("/{id:guid}/unpublish", (Guid id, ClaimsPrincipal user, PortalDbContext db, TimeProvider clock, CancellationToken ct) =>
            Transition(id, db, ct, a => a.Unpublish(user.Username(), clock.GetUtcNow())));
        return group;
    }

    private static async Task<Ok<CategoryView[]>> ListCategories(PortalDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.NewsCategories.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CategoryView(c.CategoryId, c.Name, c.Slug)).ToArrayAsync(cancellationToken));

    private static async Task<Results<Created<CategoryView>, ValidationProblem>> CreateCategory(
        CategoryRequest request, PortalDbContext db, CancellationToken cancellationToken)
    {
        var name = request.Name.NfcOrNull();
        if (name is null || name.Length > NewsLimits.CategoryName)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"Tên chuyên mục bắt buộc, không quá {NewsLimits.CategoryName} ký tự."] },
                title: "Dữ liệu chuyên mục không hợp lệ");
        var slug = Slug.From(name);
        var taken = await db.NewsCategories.Where(c => c.Slug.StartsWith(slug)).Select(c => c.Slug).ToListAsync(cancellationToken);
        var category = new NewsCategory { CategoryId = Guid.CreateVersion7(), Name = name, Slug = Slug.Unique(slug, taken) };
        db.NewsCategories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/staff/api/news/categories/{category.CategoryId}", new CategoryView(category.CategoryId, category.Name, category.Slug));
    }

    private static async Task<Ok<ArticleView[]>> List(PortalDbContext db, NewsStatus? status, CancellationToken cancellationToken)
    {
        var query = db.NewsArticles.AsNoTracking();
        if (status is not null) query = query.Where(a => a.Status == status);
        var articles = await query.OrderByDescending(a => a.UpdatedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(articles.Select(ArticleView.From).ToArray());
    }

    private static async Task<Results<Ok<ArticleView>, NotFound>> Get(Guid id, PortalDbContext db, CancellationToken cancellationToken) =>
        await db.NewsArticles.AsNoTracking().SingleOrDefaultAsync(a => a.ArticleId == id, cancellationToken) is { } article
            ? TypedResults.Ok(ArticleView.From(article))
            : TypedResults.NotFound();

    private static async Task<Results<Created<ArticleView>, ValidationProblem>> Create(
        ArticleRequest request, ClaimsPrincipal user, PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(request, db, cancellationToken);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Dữ liệu bài viết không hợp lệ");
        var title = request.Title!.Nfc();
        var slug = Slug.From(title);
        var taken = await db.NewsArticles.Where(a => a.Slug.StartsWith(slug)).Select(a => a.Slug).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var article = new NewsArticle
        {
            ArticleId = Guid.CreateVersion7(),
            CategoryId = request.CategoryId,
            Title = title,
            Slug = Slug.Unique(slug, taken),
            Summary = request.Summary!.Nfc(),
            Body = request.Body!.Nfc(),
            ImageUrl = request.ImageUrl.NfcOrNull(),
            ImageCaption = request.ImageCaption.NfcOrNull(),
            Author = user.Username(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.NewsArticles.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/staff/api/news/{article.ArticleId}", ArticleView.From(article));
    }

    /// <summary>Changes the text of a draft; its address (slug) stays, so links already shared keep working.</summary>
    private static async Task<Results<Ok<ArticleView>, NotFound, ValidationProblem>> Edit(
        Guid id, ArticleRequest request, ClaimsPrincipal user, PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var article = await db.NewsArticles.SingleOrDefaultAsync(a => a.ArticleId == id, cancellationToken);
        if (article is null) return TypedResults.NotFound();
        var errors = await ValidateAsync(request, db, cancellationToken);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Dữ liệu bài viết không hợp lệ");
        article.Edit(request.Title!.Nfc(), request.Summary!.Nfc(), request.Body!.Nfc(), request.CategoryId,
            request.ImageUrl.NfcOrNull(), request.ImageCaption.NfcOrNull(), user.Username(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ArticleView.From(article));
    }

    private static async Task<Results<Ok<ArticleView>, NotFound>> Transition(
        Guid id, PortalDbContext db, CancellationToken cancellationToken, Action<NewsArticle> change)
    {
        var article = await db.NewsArticles.SingleOrDefaultAsync(a => a.ArticleId == id, cancellationToken);
        if (article is null) return TypedResults.NotFound();
        change(article);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ArticleView.From(article));
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(ArticleRequest request, PortalDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(string field, string? value, int max, string name)
        {
            if (string.IsNullOrWhiteSpace(value)) errors[field] = [$"{name} là bắt buộc."];
            else if (value.Length > max) errors[field] = [$"{name} không quá {max} ký tự."];
        }
        Check("title", request.Title, NewsLimits.Title, "Tiêu đề");
        Check("summary", request.Summary, NewsLimits.Summary, "Tóm tắt");
        Check("body", request.Body, NewsLimits.Body, "Nội dung");
        if (!await db.NewsCategories.AnyAsync(c => c.CategoryId == request.CategoryId, cancellationToken))
            errors["categoryId"] = ["Chuyên mục không tồn tại."];
        if (request.ImageUrl is { Length: > 0 } image && !IsSafeImageAddress(image))
            errors["imageUrl"] = ["Ảnh phải là ảnh đã tải lên cổng (đường dẫn /anh/...)."];
        return errors;
    }

    /// <summary>
    /// Only images uploaded to the portal: the content security policy would block any other
    /// origin, and javascript: or data: addresses never reach an img tag.
    /// </summary>
    public static bool IsSafeImageAddress(string address) =>
        address.StartsWith(NewsImagesApi.PublicPath + "/", StringComparison.Ordinal)
        && ImagePolicy.IsStoredName(address[(NewsImagesApi.PublicPath.Length + 1)..]);
}
