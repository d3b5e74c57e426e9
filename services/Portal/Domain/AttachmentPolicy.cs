namespace Platform.Portal.Domain;

/// <summary>
/// What a citizen may attach to feedback: a few document and image types, up to a size,
/// recognised by their first bytes as well as their extension so a renamed executable is
/// refused. The file is stored under a name the portal makes, never the one sent.
/// </summary>
public sealed class AttachmentPolicy
{
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, byte[][] Signatures)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        // .docx is a ZIP package.
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [[0x50, 0x4B, 0x03, 0x04]]),
    };

    public static string AllowedList => "PDF, PNG, JPG, DOCX";

    /// <summary>The Vietnamese reason the file is refused, or null when it is acceptable.</summary>
    public string? Check(string fileName, long length, ReadOnlySpan<byte> head)
    {
        if (!IsPlainFileName(fileName)) return "Tên tệp đính kèm không hợp lệ.";
        if (length == 0) return "Tệp đính kèm rỗng.";
        if (length > MaxBytes) return $"Tệp đính kèm vượt quá dung lượng cho phép ({MaxBytes / (1024 * 1024)} MB).";
        if (!Types.TryGetValue(Path.GetExtension(fileName), out var type)) return $"Chỉ nhận tệp {AllowedList}.";
        foreach (var signature in type.Signatures)
        {
            if (head.StartsWith(signature)) return null;
        }
        return "Nội dung tệp không khớp với loại tệp.";
    }

    public static string ContentTypeOf(string fileName) => Types[Path.GetExtension(fileName)].ContentType;

    /// <summary>
    /// A bare file name: no folders, no "..", no control characters. Names with a path are
    /// refused outright rather than trimmed, since only a crafted request sends one.
    /// </summary>
    public static bool IsPlainFileName(string fileName) =>
        !string.IsNullOrWhiteSpace(fileName)
        && fileName.Length <= 200
        && !fileName.Contains('/') && !fileName.Contains('\\')
        && !fileName.Contains("..", StringComparison.Ordinal)
        && !fileName.Any(char.IsControl)
        && fileName.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
        && Path.GetFileName(fileName) == fileName;
}
