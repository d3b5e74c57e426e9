using Platform.Documents.Search;

namespace Platform.Documents.Tests.Search;

public sealed class VietnameseTextTests
{
    [TestCase("Quyết định", "Quyet dinh")]
    [TestCase("ĐẮK LẮK", "DAK LAK")]
    [TestCase("Thừa Thiên Huế", "Thua Thien Hue")]
    [TestCase("ưởng ơn", "uong on")]
    public void Folding_removes_every_mark_and_the_stroke_of_d(string text, string folded) =>
        Assert.That(VietnameseText.Fold(text), Is.EqualTo(folded));

    [TestCase("123/QĐ-UBND", "123/QĐ-UBND")]
    [TestCase(" 45/ubnd-kt ", "45/UBND-KT")]
    [TestCase("quyết định 123", null)]
    public void A_number_and_code_is_recognised(string text, string? code) =>
        Assert.That(QueryText.Parse(text).Code, Is.EqualTo(code));

    [Test]
    public void Quotes_make_a_phrase_and_the_rest_are_words()
    {
        var parsed = QueryText.Parse("\"kế hoạch năm\" ngân sách \"");
        Assert.That(parsed.Clauses, Has.Count.EqualTo(3));
        Assert.That(parsed.Clauses[0].IsPhrase);
        Assert.That(parsed.Clauses[0].Words, Is.EqualTo(new[] { "kế", "hoạch", "năm" }));
        Assert.That(parsed.Clauses.Skip(1).Select(c => c.Words[0]), Is.EqualTo(new[] { "ngân", "sách" }));
    }
}
