using Platform.Portal.Domain;
using Platform.ServiceDefaults.Errors;

namespace Platform.Portal.Tests;

public sealed class NewsArticleTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static NewsArticle Draft() => new()
    {
        ArticleId = Guid.NewGuid(), CategoryId = Guid.NewGuid(), Title = "Tiêu đề", Slug = "tieu-de",
        Summary = "Tóm tắt", Body = "Nội dung", Author = "bientap", CreatedAt = Monday, UpdatedAt = Monday,
    };

    [Test]
    public void An_article_goes_from_draft_through_review_to_published()
    {
        var article = Draft();
        article.SubmitForReview("bientap", Monday);
        article.Publish("truongban", Monday.AddHours(1));

        Assert.That(article.Status, Is.EqualTo(NewsStatus.Published));
        Assert.That(article.PublishedAt, Is.EqualTo(Monday.AddHours(1)));
        Assert.That(article.LastActor, Is.EqualTo("truongban"));
    }

    [Test]
    public void A_draft_cannot_be_published_without_review()
    {
        var refusal = Assert.Throws<DomainRuleException>(() => Draft().Publish("bientap", Monday));
        Assert.That(refusal!.Message, Is.EqualTo("Chỉ xuất bản được bài viết đã gửi duyệt hoặc đã gỡ."));
    }

    [Test]
    public void Only_a_draft_is_edited()
    {
        var article = Draft();
        article.SubmitForReview("bientap", Monday);
        Assert.Throws<DomainRuleException>(() => article.Edit("Khác", "Khác", "Khác", article.CategoryId, null, null, "bientap", Monday));

        article.ReturnToDraft("truongban", Monday);
        article.Edit("Tiêu đề mới", "Tóm tắt", "Nội dung", article.CategoryId, null, null, "bientap", Monday);
        Assert.That(article.Title, Is.EqualTo("Tiêu đề mới"));
    }

    [Test]
    public void An_unpublished_article_can_be_published_again_and_keeps_its_first_date()
    {
        var article = Draft();
        article.SubmitForReview("bientap", Monday);
        article.Publish("bientap", Monday);
        article.Unpublish("bientap", Monday.AddDays(1));
        Assert.That(article.Status, Is.EqualTo(NewsStatus.Unpublished));

        article.Publish("bientap", Monday.AddDays(2));
        Assert.That(article.PublishedAt, Is.EqualTo(Monday));
    }

    [Test]
    public void Only_a_published_article_is_unpublished() =>
        Assert.Throws<DomainRuleException>(() => Draft().Unpublish("bientap", Monday));
}
