using System.Globalization;
using System.Text;

namespace Platform.Portal.Domain;

/// <summary>
/// Vietnamese text folded for matching: lower case, no diacritics, đ/Đ as d, words separated
/// by single spaces. People type "quyet dinh" for "Quyết định", so both sides are folded.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var letter = c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) };
            if (char.IsLetterOrDigit(letter) || letter == '/')
            {
                if (pendingSpace && folded.Length > 0) folded.Append(' ');
                folded.Append(letter);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }
        return folded.ToString();
    }

    /// <summary>True when every word of the query occurs in the folded text, in any order.</summary>
    public static bool Matches(string foldedText, string query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(foldedText.Contains);
}
