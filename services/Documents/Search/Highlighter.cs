using System.Text;

namespace Platform.Documents.Search;

/// <summary>
/// Marks the words a query matched, with or without diacritics, as &lt;em&gt;; everything else is
/// HTML-escaped so a document cannot inject markup. The subject is shown whole; the body text
/// (toàn văn) as a few short snippets around the matches, the way a search page shows them.
/// </summary>
public static class Highlighter
{
    /// <summary>How many body snippets a hit shows, and how many words each holds.</summary>
    public const int SnippetCount = 2;
    public const int SnippetWords = 24;
    private const int WordsBeforeMatch = 6;

    public static string Highlight(string subject, QueryText query)
    {
        var words = QueryWords(query);
        var text = new StringBuilder(subject.Length + 16);
        var last = 0;
        foreach (var word in Words(subject))
        {
            if (!words.Contains(word.Folded)) continue;
            text.Escape(subject.AsSpan(last, word.Start - last));
            text.Append("<em>").Escape(subject.AsSpan(word.Start, word.Length)).Append("</em>");
            last = word.Start + word.Length;
        }
        text.Escape(subject.AsSpan(last));
        return text.ToString();
    }

    /// <summary>
    /// Up to <see cref="SnippetCount"/> windows of the body holding the most distinct query words,
    /// in the order they stand in the text, marked and escaped; none when nothing matched.
    /// </summary>
    public static IReadOnlyList<string> Snippets(string? body, QueryText query)
    {
        if (string.IsNullOrEmpty(body) || query.Clauses.Count == 0) return [];
        var queryWords = QueryWords(query);
        var words = Words(body).ToArray();
        var matched = new bool[words.Length];
        var any = false;
        for (var i = 0; i < words.Length; i++) any |= matched[i] = queryWords.Contains(words[i].Folded);
        if (!any) return [];

        // Candidate windows start a few words before each match; the best ones that do not overlap win.
        var candidates = new List<(int Start, int Score)>();
        for (var i = 0; i < words.Length; i++)
        {
            if (!matched[i] || (i > 0 && matched[i - 1])) continue;
            var start = Math.Max(0, Math.Min(i - WordsBeforeMatch, words.Length - SnippetWords));
            var end = Math.Min(words.Length, start + SnippetWords);
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            for (var j = start; j < end; j++) if (matched[j]) distinct.Add(words[j].Folded);
            candidates.Add((start, distinct.Count));
        }
        var chosen = new List<int>();
        foreach (var (start, _) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Start))
        {
            if (chosen.Any(c => Math.Abs(c - start) < SnippetWords)) continue;
            chosen.Add(start);
            if (chosen.Count == SnippetCount) break;
        }
        chosen.Sort();
        return chosen.Select(start => Render(body, words, matched, start, Math.Min(words.Length, start + SnippetWords))).ToArray();
    }

    private static string Render(string body, Word[] words, bool[] matched, int from, int to)
    {
        var text = new StringBuilder();
        if (from > 0) text.Append('…');
        var last = words[from].Start;
        for (var i = from; i < to; i++)
        {
            if (!matched[i]) continue;
            text.Escape(body.AsSpan(last, words[i].Start - last));
            text.Append("<em>").Escape(body.AsSpan(words[i].Start, words[i].Length)).Append("</em>");
            last = words[i].Start + words[i].Length;
        }
        var end = words[to - 1].Start + words[to - 1].Length;
        text.Escape(body.AsSpan(last, end - last));
        if (to < words.Length) text.Append('…');
        return text.ToString();
    }

    /// <summary>
    /// Escapes only what HTML needs (&amp; &lt; &gt; and quotes): WebUtility.HtmlEncode would also turn
    /// á, à, â, ã, é, ê... (U+00A0 to U+00FF) into numeric entities, half of a Vietnamese text.
    /// </summary>
    private static StringBuilder Escape(this StringBuilder text, ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => text.Append("&amp;"),
                '<' => text.Append("&lt;"),
                '>' => text.Append("&gt;"),
                '"' => text.Append("&quot;"),
                '\'' => text.Append("&#39;"),
                _ => text.Append(c),
            };
        }
        return text;
    }

    private static HashSet<string> QueryWords(QueryText query) =>
        query.Clauses.SelectMany(c => c.Words).Select(VietnameseText.Fold).ToHashSet(StringComparer.Ordinal);

    private readonly record struct Word(int Start, int Length, string Folded);

    /// <summary>Words as the analyzers cut them (letters, marks, digits), each lower-cased and folded.</summary>
    private static IEnumerable<Word> Words(string text)
    {
        foreach (System.Text.RegularExpressions.Match match in QueryText.WordPattern().Matches(text))
        {
            yield return new Word(match.Index, match.Length, VietnameseText.FoldLower(match.ValueSpan));
        }
    }
}
