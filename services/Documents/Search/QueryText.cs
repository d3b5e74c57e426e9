using System.Text.RegularExpressions;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Search;

/// <summary>
/// A search box's text read the way people type it: words, "phrases in quotes", or a
/// number and code (`123/QĐ-UBND`, `45/UBND-KT`), which is looked up exactly, not as words.
/// </summary>
public sealed partial record QueryText(IReadOnlyList<QueryClause> Clauses, string? Code)
{
    public bool IsEmpty => Clauses.Count == 0 && Code is null;

    public static QueryText Parse(string? text)
    {
        var value = (text ?? "").Nfc();
        if (value.Length == 0) return new([], null);
        if (CodePattern().IsMatch(value)) return new([], VietnameseText.CodeKey(value));
        var clauses = new List<QueryClause>();
        foreach (Match match in ClausePattern().Matches(value))
        {
            var words = Words(match.Groups["phrase"].Success ? match.Groups["phrase"].Value : match.Groups["word"].Value);
            if (words.Count == 0) continue;
            if (match.Groups["phrase"].Success && words.Count > 1) clauses.Add(new QueryClause(words, IsPhrase: true));
            else clauses.AddRange(words.Select(w => new QueryClause([w], IsPhrase: false)));
        }
        return new(clauses, null);
    }

    /// <summary>Lower-cased words as the analyzers cut them: letters and digits.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(text.Nfc()).Select(m => m.Value.ToLowerInvariant()).ToArray();

    [GeneratedRegex(@"^\s*\d{1,6}/[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*\s*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("\"(?<phrase>[^\"]*)\"?|(?<word>[^\\s\"]+)")]
    private static partial Regex ClausePattern();

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    public static partial Regex WordPattern();
}

/// <summary>One word, or several words that must appear together in order.</summary>
public sealed record QueryClause(IReadOnlyList<string> Words, bool IsPhrase);
