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

    /// <summary>A number and code as a keyword: NFC, no spaces, upper case (`123/qđ-ubnd` is `123/QĐ-UBND`).</summary>
    public static string CodeKey(string code) =>
        string.Concat(code.Nfc().Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
