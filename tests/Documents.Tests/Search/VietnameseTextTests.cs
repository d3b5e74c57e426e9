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

    [Test]
    public void Letter_by_letter_folding_agrees_with_folding_the_word()
    {
        foreach (var word in new[] { "Quyết", "ĐỊNH", "đắk", "Huế", "ưởng", "năm2026", "Ý" })
        {
            Assert.That(VietnameseText.FoldLower(word), Is.EqualTo(VietnameseText.Fold(word).ToLowerInvariant()), word);
        }
    }

    [Test]
    public void Snippets_take_the_windows_with_the_most_query_words_in_text_order()
    {
        var words = Enumerable.Range(0, 200).Select(i => $"từ{i}").ToArray();
        words[20] = "kế"; words[150] = "hoạch"; words[152] = "kế"; words[100] = "vốn";
        var snippets = Highlighter.Snippets(string.Join(' ', words), QueryText.Parse("ke hoach von"));
        Assert.That(snippets, Has.Count.EqualTo(Highlighter.SnippetCount));
        Assert.That(snippets[0], Does.Contain("từ19 <em>kế</em> từ21"), "of the single matches the earliest wins, and it comes first");
        Assert.That(snippets, Has.None.Contain("vốn"));
        Assert.That(snippets[1], Does.Contain("<em>hoạch</em> từ151 <em>kế</em>"), "the window with two distinct words");
        Assert.That(Highlighter.Snippets(string.Join(' ', words), QueryText.Parse("ngân sách")), Is.Empty);
    }

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
