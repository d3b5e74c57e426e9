using System.Globalization;
using System.Text;

namespace Platform.Gazette.Domain;

/// <summary>
/// Vietnamese search matches with or without diacritics: text is lowered, stripped of its
/// marks, and đ/Đ become d, both where it is stored and in the query.
/// </summary>
public static class SearchFolding
{
    public static string Fold(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
