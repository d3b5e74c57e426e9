using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Platform.Gazette.Publishing;

/// <summary>
/// Lays text out on A4 pages: wraps words to the width, starts a new page at the bottom
/// margin. Pages are kept as lines first so the table of contents can say where each
/// document starts before anything is drawn.
/// </summary>
public sealed class PageLayout : IDisposable
{
    public const double Width = 595, Height = 842, Margin = 56;
    private const double Top = Height - Margin - 24, Bottom = Margin + 24;

    private readonly Dictionary<(bool, double, string), double> _widths = [];
    // Measuring needs a page of a builder that holds the fonts; this one is never saved.
    private readonly PdfDocumentBuilder _measuring = new();
    private readonly PdfDocumentBuilder.AddedFont _regular, _bold;
    private readonly PdfPageBuilder _scratch;
    private double _y = Top;

    public PageLayout()
    {
        _regular = _measuring.AddTrueTypeFont(PdfFonts.Regular);
        _bold = _measuring.AddTrueTypeFont(PdfFonts.Bold);
        _scratch = _measuring.AddPage(Width, Height);
    }

    public List<List<PlacedLine>> Pages { get; } = [[]];

    public int PageIndex => Pages.Count - 1;

    public void NewPage()
    {
        Pages.Add([]);
        _y = Top;
    }

    public void Space(double points) => _y -= points;

    /// <summary>Adds a paragraph; <paramref name="centered"/> for titles.</summary>
    public void Paragraph(string text, double size, bool isBold = false, bool centered = false, double after = 6, double indentRight = 0)
    {
        foreach (var line in Wrap(Printable(text, isBold), size, isBold, Width - 2 * Margin - indentRight))
        {
            if (_y - size < Bottom) NewPage();
            _y -= size * 1.35;
            var x = centered ? (Width - Measure(line, size, isBold)) / 2 : Margin;
            Pages[^1].Add(new PlacedLine(line, size, isBold, x, _y));
        }
        _y -= after;
    }

    /// <summary>Adds a line at a fixed place on a page already laid out (page numbers in the table of contents).</summary>
    public (int Page, double Y) Mark() => (PageIndex, _y);

    public void RightAligned(int page, double y, string text, double size) =>
        Pages[page].Add(new PlacedLine(text, size, false, Width - Margin - Measure(text, size, false), y));

    public double Measure(string text, double size, bool isBold)
    {
        if (text.Length == 0) return 0;
        if (_widths.TryGetValue((isBold, size, text), out var known)) return known;
        var letters = _scratch.MeasureText(text, size, new PdfPoint(0, 0), isBold ? _bold : _regular);
        var width = letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
        return _widths[(isBold, size, text)] = width;
    }

    private readonly Dictionary<(bool, char), bool> _printable = [];

    /// <summary>
    /// A character the font has no glyph for (an emoji, a Chinese name) becomes "?" rather than
    /// failing the whole issue; DejaVu Sans covers every Vietnamese letter, so the law's text is whole.
    /// </summary>
    private string Printable(string text, bool isBold)
    {
        var printable = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { printable.Append('?'); i++; continue; }
            if (c is '\n' or ' ') { printable.Append(c); continue; }
            if (c == '\t' || char.IsControl(c)) { printable.Append(' '); continue; }
            if (!_printable.TryGetValue((isBold, c), out var known))
            {
                try { _scratch.MeasureText(c.ToString(), 10, new PdfPoint(0, 0), isBold ? _bold : _regular); known = !char.IsSurrogate(c); }
                catch (InvalidOperationException) { known = false; }
                _printable[(isBold, c)] = known;
            }
            printable.Append(known ? c : '?');
        }
        return printable.ToString();
    }

    private IEnumerable<string> Wrap(string text, double size, bool isBold, double width)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) { yield return ""; continue; }
            var line = words[0];
            foreach (var word in words.Skip(1))
            {
                var candidate = line + " " + word;
                if (Measure(candidate, size, isBold) <= width) { line = candidate; continue; }
                yield return line;
                line = word;
            }
            yield return line;
        }
    }

    /// <summary>Draws every laid-out page into the builder.</summary>
    public void Draw(PdfDocumentBuilder builder, Func<int, IEnumerable<PlacedLine>> extras)
    {
        var regular = builder.AddTrueTypeFont(PdfFonts.Regular);
        var bold = builder.AddTrueTypeFont(PdfFonts.Bold);
        for (var i = 0; i < Pages.Count; i++)
        {
            var page = builder.AddPage(Width, Height);
            foreach (var line in Pages[i].Concat(extras(i)))
            {
                if (line.Text.Length > 0) page.AddText(line.Text, line.Size, new PdfPoint(line.X, line.Y), line.Bold ? bold : regular);
            }
        }
    }

    public void Dispose() => _measuring.Dispose();
}

public sealed record PlacedLine(string Text, double Size, bool Bold, double X, double Y);
