using Platform.Portal.Domain;

namespace Platform.Portal.Tests;

public sealed class SlugTests
{
    [TestCase("Tin tức thời sự", "tin-tuc-thoi-su")]
    [TestCase("Đường Điện Biên Phủ được đầu tư", "duong-dien-bien-phu-duoc-dau-tu")]
    [TestCase("  Quyết định 101/QĐ-UBND: công bố TTHC!  ", "quyet-dinh-101-qd-ubnd-cong-bo-tthc")]
    [TestCase("Ứng phó bão số 9 — khẩn cấp", "ung-pho-bao-so-9-khan-cap")]
    [TestCase("ƯỚC TÍNH 2026", "uoc-tinh-2026")]
    public void A_slug_is_the_title_without_diacritics(string title, string slug) => Assert.That(Slug.From(title), Is.EqualTo(slug));

    [Test]
    public void Decomposed_and_composed_titles_give_the_same_slug() =>
        Assert.That(Slug.From("Tin tức".Normalize(System.Text.NormalizationForm.FormD)), Is.EqualTo(Slug.From("Tin tức")));

    [Test]
    public void A_long_title_is_cut_at_a_word()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("cải cách hành chính", 10)));
        Assert.That(slug, Has.Length.LessThanOrEqualTo(Slug.MaxLength).And.Not.EndWith("-"));
        Assert.That(slug.Split('-'), Has.All.AnyOf("cai", "cach", "hanh", "chinh"));
    }

    [Test]
    public void A_title_with_no_letters_still_has_an_address() => Assert.That(Slug.From("!!! ???"), Is.EqualTo("bai-viet"));

    [Test]
    public void A_taken_slug_gets_the_next_number() =>
        Assert.That(Slug.Unique("tin-moi", ["tin-moi", "tin-moi-2"]), Is.EqualTo("tin-moi-3"));
}
