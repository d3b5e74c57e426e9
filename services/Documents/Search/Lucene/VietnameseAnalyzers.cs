using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Platform.Documents.Search.Lucene;

/// <summary>
/// The two ways the same Vietnamese text is indexed: exact (lower-cased, diacritics kept, so
/// `bão` and `bao` differ) and folded (every Vietnamese letter, đ included, turned into its
/// base letter, as <see cref="VietnameseText.Fold"/> does and the highlighter compares).
/// Queries ask both fields and weigh the exact one higher. Input is NFC already (see
/// <see cref="LuceneFields"/>): the tables map precomposed letters, not a letter followed by
/// combining marks.
/// </summary>
public static class VietnameseAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Exact() => Analyzer.NewAnonymous((field, reader) =>
        new TokenStreamComponents(new WordTokenizer(reader, VietnameseText.LowerTable)));

    // Folding in the tokenizer's own pass, by table: an ASCIIFoldingFilter after it scanned and
    // copied every token a second time, a large share of bulk indexing's analysis.
    public static Analyzer Folded() => Analyzer.NewAnonymous((field, reader) =>
        new TokenStreamComponents(new WordTokenizer(reader, VietnameseText.FoldLowerTable)));
}

/// <summary>
/// Vietnamese words are syllables separated by spaces, so a word is a run of letters, marks
/// and digits, each character mapped through a table on the way (lower-cased, and folded for
/// the folded field): the same cut the highlighter and the query parser make. The whole field
/// value is read into a buffer once and scanned with table lookups: Lucene's CharTokenizer
/// decodes code points and calls two virtual methods per character, which profiles of bulk
/// indexing showed as the analysis's main cost.
/// </summary>
internal sealed class WordTokenizer : Tokenizer
{
    /// <summary>Longer runs are cut, as CharTokenizer cuts them (a term must fit Lucene's limits).</summary>
    private const int MaxWordLength = 255;

    private static readonly bool[] WordChars = BuildWordChars();

    private readonly char[] _map;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private char[] _text = new char[4096];
    private int _length;
    private int _position;

    public WordTokenizer(TextReader reader, char[] map) : base(reader)
    {
        _map = map;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    private static bool[] BuildWordChars()
    {
        var table = new bool[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = CharUnicodeInfo.GetUnicodeCategory(c) is
                UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
        }
        return table;
    }

    public override void Reset()
    {
        base.Reset();
        _length = 0;
        _position = 0;
        while (true)
        {
            if (_length == _text.Length) Array.Resize(ref _text, _text.Length * 2);
            var read = m_input.Read(_text, _length, _text.Length - _length);
            if (read <= 0) break;
            _length += read;
        }
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        var text = _text;
        var position = _position;
        while (position < _length && !WordChars[text[position]]) position++;
        if (position >= _length)
        {
            _position = position;
            return false;
        }
        var start = position;
        var end = Math.Min(_length, start + MaxWordLength);
        while (position < end && WordChars[text[position]]) position++;
        var length = position - start;
        var buffer = _term.ResizeBuffer(length);
        for (var i = 0; i < length; i++) buffer[i] = _map[text[start + i]];
        _term.Length = length;
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(position));
        _position = position;
        return true;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }
}
