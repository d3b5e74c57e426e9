using System.Net;

namespace Platform.Portal.Staff.Display;

/// <summary>
/// A search hit's subject with the matched words marked. The Documents service sends it as
/// HTML with &lt;em&gt;; the console takes it apart into plain pieces and lets Razor encode
/// each one, so only the emphasis survives, whatever a subject contains.
/// </summary>
public static class Snippet
{
    public sealed record Piece(string Text, bool Matched);

    public static IReadOnlyList<Piece> Parse(string? highlighted)
    {
        var pieces = new List<Piece>();
        var rest = highlighted ?? "";
        while (rest.Length > 0)
        {
            var open = rest.IndexOf("<em>", StringComparison.Ordinal);
            var close = open < 0 ? -1 : rest.IndexOf("</em>", open + 4, StringComparison.Ordinal);
            if (open < 0 || close < 0)
            {
                Add(pieces, rest, matched: false);
                break;
            }
            Add(pieces, rest[..open], matched: false);
            Add(pieces, rest[(open + 4)..close], matched: true);
            rest = rest[(close + 5)..];
        }
        return pieces;
    }

    private static void Add(List<Piece> pieces, string html, bool matched)
    {
        if (html.Length > 0) pieces.Add(new Piece(WebUtility.HtmlDecode(html), matched));
    }
}
