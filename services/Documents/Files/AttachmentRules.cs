using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Files;

/// <summary>Configuration section <c>Documents:Attachments</c>.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Documents:Attachments";

    public long MaxBytes { get; set; } = 30 * 1024 * 1024;
}

/// <summary>
/// Which files a document may carry: office formats and scans, recognised by extension and by
/// their first bytes, so a renamed executable is not accepted as a PDF. File names are only
/// labels; one that tries to name a path is refused outright rather than cleaned up.
/// </summary>
public static class AttachmentRules
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] TiffLittle = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffBig = [0x4D, 0x4D, 0x00, 0x2A];

    private static readonly Dictionary<string, (string ContentType, byte[][] Magic)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [Pdf]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [Zip]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [Zip]),
        [".odt"] = ("application/vnd.oasis.opendocument.text", [Zip]),
        [".doc"] = ("application/msword", [Ole]),
        [".xls"] = ("application/vnd.ms-excel", [Ole]),
        [".png"] = ("image/png", [Png]),
        [".jpg"] = ("image/jpeg", [Jpeg]),
        [".jpeg"] = ("image/jpeg", [Jpeg]),
        [".tif"] = ("image/tiff", [TiffLittle, TiffBig]),
        [".tiff"] = ("image/tiff", [TiffLittle, TiffBig]),
    };

    public static readonly IReadOnlyCollection<string> Extensions = Types.Keys;

    /// <summary>The name as given, if it is a plain file name; throws otherwise.</summary>
    public static string CheckName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 255
            || fileName.Contains('/') || fileName.Contains('\\') || fileName.Contains("..")
            || fileName.Any(char.IsControl) || fileName.Contains(':') || fileName != fileName.Trim())
        {
            throw new DomainRuleException("Tên tệp không hợp lệ: không được chứa đường dẫn, \"..\", \"/\", \"\\\" hay ký tự điều khiển.", 400, "bad-file-name");
        }
        return fileName.Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>The content type for the file, checked against its first bytes.</summary>
    public static string ContentTypeFor(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName);
        if (!Types.TryGetValue(extension, out var type))
        {
            throw new DomainRuleException(
                $"Loại tệp \"{extension}\" không được chấp nhận. Chấp nhận: {string.Join(", ", Types.Keys)}.", 415, "file-type");
        }
        foreach (var magic in type.Magic)
        {
            if (head.StartsWith(magic)) return type.ContentType;
        }
        throw new DomainRuleException($"Nội dung tệp không đúng định dạng {extension}.", 415, "file-content");
    }

    public static bool IsPdf(string contentType) => contentType == "application/pdf";
}
