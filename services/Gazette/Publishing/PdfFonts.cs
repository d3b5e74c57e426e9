namespace Platform.Gazette.Publishing;

/// <summary>
/// DejaVu Sans, shipped inside the assembly (Fonts/, with its licence): it covers every
/// Vietnamese letter, and a container image without fonts renders exactly the same PDF.
/// </summary>
public static class PdfFonts
{
    public static readonly byte[] Regular = Load("Fonts.DejaVuSans.ttf");
    public static readonly byte[] Bold = Load("Fonts.DejaVuSans-Bold.ttf");

    private static byte[] Load(string name)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Missing embedded font " + name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
