using Platform.Gazette.Domain;
using Platform.ServiceDefaults.Storage;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Platform.Gazette.Intake;

/// <summary>
/// The text of a signed original that came as a PDF with a text layer, so the editor does
/// not retype it; a scan (no text layer) or another format yields nothing and the editor
/// enters the text.
/// </summary>
public static class OriginalText
{
    public static string? Extract(StoredFile? original)
    {
        if (original is null || !original.Content.AsSpan().StartsWith("%PDF"u8)) return null;
        try
        {
            using var pdf = PdfDocument.Open(original.Content);
            var text = string.Join("\n", pdf.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)));
            return string.IsNullOrWhiteSpace(text) ? null : text.Nfc();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A damaged or encrypted PDF is still kept as the original; only its text is not read.
            return null;
        }
    }
}
