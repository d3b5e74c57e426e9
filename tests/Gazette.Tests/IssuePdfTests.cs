using System.Text;
using System.Text.RegularExpressions;
using Platform.Gazette.Publishing;
using UglyToad.PdfPig;

namespace Platform.Gazette.Tests;

public sealed partial class IssuePdfTests
{
    private const string Article =
        "Điều 1. Phạm vi điều chỉnh\nQuy định này quy định việc phân cấp quản lý nhà nước đối với hệ thống đường bộ trên địa bàn tỉnh, " +
        "gồm quốc lộ được ủy thác, đường tỉnh, đường huyện, đường xã, đường đô thị và đường chuyên dùng.\n" +
        "Điều 2. Đối tượng áp dụng\nCác sở, ban, ngành; Ủy ban nhân dân các huyện, thị xã, thành phố; tổ chức, cá nhân có liên quan. " +
        "Những chữ khó: ạ ặ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ỳ ỷ ỹ ỵ Đ đ Ư ư Ơ ơ Ặ Ỗ Ữ.";

    private static IssueContent Issue(params IssueContentDocument[] documents) => new(
        "Văn phòng Ủy ban nhân dân tỉnh", "Số 12 + 13", new DateOnly(2026, 11, 23), null, null, documents);

    private static IssueContentDocument Document(string code, string subject, string text) =>
        new(code, "Quyết định", subject, "Ủy ban nhân dân tỉnh", new DateOnly(2026, 11, 20), text);

    private static string[] PagesText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => Flatten(string.Join(" ", p.GetWords().Select(w => w.Text))))];
    }

    /// <summary>Lines break where the layout decided; compare words, not line breaks.</summary>
    private static string Flatten(string text) => Spaces().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [Test]
    public void The_cover_carries_the_issue_number_date_and_table_of_contents()
    {
        var pdf = IssuePdfRenderer.Render(Issue(
            Document("15/2026/QĐ-UBND", "Ban hành Quy định phân cấp quản lý đường bộ", Article),
            Document("16/2026/QĐ-UBND", "Quy định mức thu phí tham quan danh lam thắng cảnh", "Điều 1. Mức thu.")));

        var cover = PagesText(pdf)[0];

        Assert.Multiple(() =>
        {
            Assert.That(cover, Does.Contain("CÔNG BÁO"));
            Assert.That(cover, Does.Contain("Số 12 + 13"));
            Assert.That(cover, Does.Contain("Ngày 23/11/2026"));
            Assert.That(cover, Does.Contain("MỤC LỤC"));
            Assert.That(cover, Does.Contain("Ban hành Quy định phân cấp quản lý đường bộ"));
            Assert.That(cover, Does.Contain("Quy định mức thu phí tham quan danh lam thắng cảnh"));
        });
    }

    [Test]
    public void Each_document_text_reads_back_exactly_in_Vietnamese()
    {
        var pdf = IssuePdfRenderer.Render(Issue(Document("15/2026/QĐ-UBND", "Ban hành Quy định phân cấp quản lý đường bộ", Article)));

        var pages = PagesText(pdf);

        Assert.That(pages, Has.Length.EqualTo(2));
        Assert.That(pages[1], Does.Contain(Flatten(Article)));
        Assert.That(pages[1], Does.Contain("15/2026/QĐ-UBND"));
    }

    [Test]
    public void Text_in_decomposed_form_is_written_as_the_same_letters()
    {
        var decomposed = "Nghị quyết về chính sách hỗ trợ".Normalize(NormalizationForm.FormD);
        var pdf = IssuePdfRenderer.Render(Issue(Document("05/2026/NQ-HĐND", "Hỗ trợ", decomposed.Normalize(NormalizationForm.FormC))));

        Assert.That(PagesText(pdf)[1], Does.Contain("Nghị quyết về chính sách hỗ trợ"));
    }

    [Test]
    public void A_long_document_flows_onto_further_pages_and_the_contents_point_to_where_it_starts()
    {
        var paragraphs = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"Khoản {i}. Ủy ban nhân dân các huyện thực hiện đúng quy định về trật tự an toàn giao thông đường bộ."));
        var pdf = IssuePdfRenderer.Render(Issue(
            Document("15/2026/QĐ-UBND", "Văn bản dài", paragraphs),
            Document("16/2026/QĐ-UBND", "Văn bản ngắn", "Điều 1. Ngắn.")));

        var pages = PagesText(pdf);
        var all = string.Join(" ", pages);
        var shortStarts = Array.FindIndex(pages, p => p.Contains("Điều 1. Ngắn.", StringComparison.Ordinal)) + 1;
        using var document = PdfDocument.Open(pdf);
        var coverWords = document.GetPage(1).GetWords().ToList();
        var shortTitle = coverWords.Single(w => w.Text == "ngắn");
        var pageNumberOnItsLine = coverWords.Any(w => w.Text == shortStarts.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && Math.Abs(w.BoundingBox.Bottom - shortTitle.BoundingBox.Bottom) < 1);

        Assert.Multiple(() =>
        {
            Assert.That(pages.Length, Is.GreaterThan(3));
            Assert.That(all, Does.Contain("Khoản 1. Ủy ban nhân dân"));
            Assert.That(all, Does.Contain("Khoản 120. Ủy ban nhân dân các huyện thực hiện đúng quy định"));
            Assert.That(pageNumberOnItsLine, Is.True, "the contents give page " + shortStarts);
        });
    }
}

public sealed class IssuePdfRobustnessTests
{
    [TestCase("Cột một\tcột hai")]
    [TestCase("Biểu tượng 😀 ngoài bộ phông")]
    [TestCase("中文 và tiếng Việt")]
    public void Characters_the_font_lacks_do_not_stop_an_issue(string text)
    {
        var content = new IssueContent("Văn phòng", "Số 1", new DateOnly(2026, 11, 23), null, null,
            [new IssueContentDocument("01/2026/QĐ-UBND", "Quyết định", "Thử", "Ủy ban nhân dân tỉnh", new DateOnly(2026, 11, 20), text)]);

        Assert.That(IssuePdfRenderer.Render(content), Is.Not.Empty);
    }
}
