using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Platform.Documents.Search.Lucene;

/// <summary>
/// The two ways the same Vietnamese text is indexed: exact (lower-cased, diacritics kept, so
/// `bão` and `bao` differ) and folded (ASCII folding turns every Vietnamese letter, đ
/// included, into its base letter). Queries ask both fields and weigh the exact one higher.
/// Input is NFC already (see <see cref="LuceneFields"/>): ASCII folding maps precomposed
/// letters, not a letter followed by combining marks.
/// </summary>
public static class VietnameseAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Exact() => Analyzer.NewAnonymous((field, reader) =>
        new TokenStreamComponents(new WordTokenizer(reader)));

    public static Analyzer Folded() => Analyzer.NewAnonymous((field, reader) =>
    {
        var tokenizer = new WordTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(tokenizer));
    });
}

/// <summary>
/// Vietnamese words are syllables separated by spaces, so a word is a run of letters, marks
/// and digits, lower-cased on the way: the same cut the highlighter and the query parser
/// make, and several times cheaper than the Unicode word-break rules of StandardTokenizer.
/// </summary>
internal sealed class WordTokenizer(TextReader reader) : CharTokenizer(VietnameseAnalyzers.Version, reader)
{
    // Both answers for every BMP character, computed once: char.ToLowerInvariant of a Vietnamese
    // letter goes through ICU on each call, which a profile of bulk indexing showed as a hot spot.
    private static readonly bool[] WordChars = new bool[char.MaxValue + 1];
    private static readonly char[] Lower = new char[char.MaxValue + 1];

    static WordTokenizer()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            WordChars[c] = IsWordChar(c);
            Lower[c] = char.ToLowerInvariant((char)c);
        }
    }

    private static bool IsWordChar(int c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
        or UnicodeCategory.OtherNumber;

    protected override bool IsTokenChar(int c) => c <= char.MaxValue ? WordChars[c] : IsWordChar(c);

    protected override int Normalize(int c) => c <= char.MaxValue ? Lower[c] : c;
}
