using Platform.ServiceDefaults.Errors;

namespace Platform.Portal.Domain;

/// <summary>A news category (chuyên mục tin tức).</summary>
public sealed class NewsCategory
{
    public Guid CategoryId { get; init; }
    public required string Name { get; set; }
    public required string Slug { get; init; }
}

/// <summary>
/// A news article (bài viết tin tức) and its editorial workflow: written as a draft, sent
/// for review, published, and possibly unpublished. Only a draft is edited, so what a
/// reviewer approved is what goes out.
/// </summary>
public sealed class NewsArticle
{
    public Guid ArticleId { get; init; }
    public Guid CategoryId { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; init; }
    public required string Summary { get; set; }
    public required string Body { get; set; }
    /// <summary>An image shown with the article, uploaded to the portal (/anh/...).</summary>
    public string? ImageUrl { get; set; }
    public string? ImageCaption { get; set; }
    public NewsStatus Status { get; private set; } = NewsStatus.Draft;
    public required string Author { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? LastActor { get; private set; }

    public void Edit(string title, string summary, string body, Guid categoryId, string? imageUrl, string? imageCaption, string editor, DateTimeOffset now)
    {
        Require(Status == NewsStatus.Draft, "Chỉ sửa được bài viết ở trạng thái dự thảo.");
        (Title, Summary, Body, CategoryId, ImageUrl, ImageCaption) = (title, summary, body, categoryId, imageUrl, imageCaption);
        Touch(editor, now);
    }

    public void SubmitForReview(string editor, DateTimeOffset now) =>
        Move(NewsStatus.Draft, NewsStatus.InReview, "Chỉ gửi duyệt được bài viết ở trạng thái dự thảo.", editor, now);

    /// <summary>Back to the writer, from review or after unpublishing, to be changed.</summary>
    public void ReturnToDraft(string editor, DateTimeOffset now)
    {
        Require(Status is NewsStatus.InReview or NewsStatus.Unpublished, "Chỉ trả lại được bài viết đang chờ duyệt hoặc đã gỡ.");
        Status = NewsStatus.Draft;
        Touch(editor, now);
    }

    public void Publish(string editor, DateTimeOffset now)
    {
        Require(Status is NewsStatus.InReview or NewsStatus.Unpublished, "Chỉ xuất bản được bài viết đã gửi duyệt hoặc đã gỡ.");
        Status = NewsStatus.Published;
        // Republishing keeps the first date: readers and links already know the article by it.
        PublishedAt ??= now;
        Touch(editor, now);
    }

    public void Unpublish(string editor, DateTimeOffset now) =>
        Move(NewsStatus.Published, NewsStatus.Unpublished, "Chỉ gỡ được bài viết đang xuất bản.", editor, now);

    private void Move(NewsStatus from, NewsStatus to, string refusal, string editor, DateTimeOffset now)
    {
        Require(Status == from, refusal);
        Status = to;
        Touch(editor, now);
    }

    private void Touch(string editor, DateTimeOffset now)
    {
        LastActor = editor;
        UpdatedAt = now;
    }

    private static void Require(bool condition, string refusal)
    {
        if (!condition) throw new DomainRuleException(refusal, 409, "news-status");
    }
}

public enum NewsStatus
{
    /// <summary>Dự thảo.</summary>
    Draft,
    /// <summary>Chờ duyệt.</summary>
    InReview,
    /// <summary>Đã xuất bản.</summary>
    Published,
    /// <summary>Đã gỡ.</summary>
    Unpublished,
}

/// <summary>Field lengths shared by the API's validation and the database columns.</summary>
public static class NewsLimits
{
    public const int CategoryName = 100;
    public const int Title = 300;
    public const int Summary = 1000;
    public const int Body = 100_000;
}
