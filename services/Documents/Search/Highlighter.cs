using System.Net;
using System.Text;

namespace Platform.Documents.Search;

/// <summary>
/// Marks the subject's words that the query matched, with or without diacritics, as
/// &lt;em&gt;; everything else is HTML-escaped so a subject cannot inject markup.
/// </summary>
public static class Highlighter
{
    public static string Highlight(string subject, QueryText query)
    {
        var folded = query.Clauses.SelectMany(c => c.Words).Select(VietnameseText.Fold).ToHashSet();
        var text = new StringBuilder();
        var last = 0;
        foreach (System.Text.RegularExpressions.Match word in QueryText.WordPattern().Matches(subject))
        {
            if (!folded.Contains(VietnameseText.Fold(word.Value.ToLowerInvariant()))) continue;
            text.Append(WebUtility.HtmlEncode(subject[last..word.Index]));
            text.Append("<em>").Append(WebUtility.HtmlEncode(word.Value)).Append("</em>");
            last = word.Index + word.Length;
        }
        text.Append(WebUtility.HtmlEncode(subject[last..]));
        return text.ToString();
    }
}
