namespace Platform.Portal.Domain;

/// <summary>
/// Images editors upload for articles: PNG or JPEG, recognised by their first bytes, up to a
/// size. They are stored and served under a name the portal makes.
/// </summary>
public static class ImagePolicy
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The extension to store the image under, or null when it is not an image we take.</summary>
    public static string? ExtensionOf(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? ".png"
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? ".jpg"
        : null;

    /// <summary>A stored image name as the portal makes them: 32 hex digits and an extension, nothing else.</summary>
    public static bool IsStoredName(string name) =>
        name.Length == 36 && name[..32].All(Uri.IsHexDigit) && name[32..] is ".png" or ".jpg";

    public static string ContentTypeOf(string name) => name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg";
}
