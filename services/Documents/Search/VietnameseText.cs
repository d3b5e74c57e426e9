using System.Globalization;
using System.Text;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Search;

/// <summary>
/// Vietnamese text for search: NFC first (NFD keyboards and PDFs would otherwise not match),
/// then a folded form without tone marks or diacritics for people who type without them;
/// đ/Đ are separate letters, not d plus a mark, so they are folded by hand.
/// </summary>
public static class VietnameseText
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// One word lower-cased and folded letter by letter through a table built once from
    /// <see cref="Fold"/>: the same result for NFC text, without normalising each word twice,
    /// which matters when the highlighter folds every word of a body for every hit.
    /// </summary>
    public static string FoldLower(ReadOnlySpan<char> word)
    {
        var table = FoldLowerTable;
        return string.Create(word.Length, word, (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++) chars[i] = table[source[i]];
        });
    }

    /// <summary>
    /// Every BMP character lower-cased (invariant) and then folded as <see cref="Fold"/> folds it,
    /// when that gives one character: what the folded analyzer indexes and the highlighter
    /// compares. A table, because char.ToLowerInvariant and normalisation per letter were hot
    /// spots in profiles of bulk indexing and highlighting.
    /// </summary>
    internal static readonly char[] FoldLowerTable = BuildFoldLowerTable();

    /// <summary>Every BMP character lower-cased (invariant), for the exact analyzer.</summary>
    internal static readonly char[] LowerTable = BuildLowerTable();

    private static char[] BuildLowerTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++) table[i] = char.ToLowerInvariant((char)i);
        return table;
    }

    private static char[] BuildFoldLowerTable()
    {
        var fold = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            fold[i] = c;
            // Surrogates, non-characters and unassigned code points have no decomposition to fold.
            if (char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherNotAssigned) continue;
            var folded = Fold(c.ToString());
            if (folded.Length == 1) fold[i] = folded[0];
        }
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++) table[i] = fold[char.ToLowerInvariant((char)i)];
        return table;
    }

    /// <summary>A number and code as a keyword: NFC, no spaces, upper case (`123/qđ-ubnd` is `123/QĐ-UBND`).</summary>
    public static string CodeKey(string code) =>
        string.Concat(code.Nfc().Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
