namespace Platform.Portal.Domain;

/// <summary>
/// Readable URL segments from Vietnamese titles: "Tin tức thời sự" becomes "tin-tuc-thoi-su".
/// Diacritics are dropped and đ/Đ become d, since readers type addresses without them.
/// </summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string text)
    {
        // The folded words, split wherever a character an address does not carry stood.
        var ascii = SearchText.Fold(text).Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : ' ').ToArray();
        var words = new string(ascii).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = string.Join('-', words);
        if (result.Length > MaxLength)
        {
            // Cut at a word boundary so the address does not end in half a word.
            var cut = result.LastIndexOf('-', MaxLength);
            result = result[..(cut > 0 ? cut : MaxLength)];
        }
        return result.Length == 0 ? "bai-viet" : result;
    }

    /// <summary>The slug, or the slug with -2, -3 ... when an earlier one is taken.</summary>
    public static string Unique(string slug, IReadOnlyCollection<string> taken)
    {
        if (!taken.Contains(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{slug}-{n}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }
}
