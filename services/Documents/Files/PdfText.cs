using UglyToad.PdfPig;

namespace Platform.Documents.Files;

/// <summary>The text of a PDF, kept with the document for full-text search.</summary>
public static class PdfText
{
    /// <summary>Scanned PDFs have no text layer and broken ones cannot be read; both give null rather than failing the upload.</summary>
    public static string? Extract(byte[] content, int maxChars = 1_000_000)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            var text = new System.Text.StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                if (text.Length > 0) text.Append('\n');
                text.Append(page.Text);
                if (text.Length >= maxChars) break;
            }
            var result = text.Length > maxChars ? text.ToString(0, maxChars) : text.ToString();
            result = result.Normalize(System.Text.NormalizationForm.FormC).Trim();
            return result.Length == 0 ? null : result;
        }
#pragma warning disable CA1031 // any parse failure of an untrusted file means "no text"
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
