using System.Security.Cryptography;
using System.Text;

namespace Platform.Portal.Domain;

/// <summary>
/// The code a citizen follows feedback by (mã tra cứu), such as PAKN-7K3M-9QXD-2H4F. Twelve
/// random Crockford base-32 characters give 60 bits, so codes cannot be guessed or walked
/// like a sequence; the alphabet has no I, L, O or U, so a code read over the phone survives.
/// </summary>
public static class TrackingCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string Prefix = "PAKN";
    private const int Length = 12;

    public static string New()
    {
        var characters = new char[Length];
        for (var i = 0; i < Length; i++) characters[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        var body = new string(characters);
        return $"{Prefix}-{body[..4]}-{body[4..8]}-{body[8..]}";
    }

    /// <summary>
    /// The canonical form of what a citizen typed (any case, spaces or dashes anywhere, O for 0
    /// and I or L for 1), or null when it cannot be a code.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var upper = typed.Trim().ToUpperInvariant();
        // The prefix is optional when typed. It counts as a prefix when set apart or when the
        // whole is long enough; otherwise "PAKN..." could just be a code's first letters.
        var compactLength = upper.Count(c => c is not ('-' or ' '));
        if (upper.StartsWith(Prefix, StringComparison.Ordinal)
            && ((upper.Length > Prefix.Length && upper[Prefix.Length] is '-' or ' ') || compactLength == Prefix.Length + Length))
        {
            upper = upper[Prefix.Length..];
        }
        var body = new StringBuilder();
        foreach (var c in upper)
        {
            if (c is '-' or ' ') continue;
            body.Append(c switch { 'O' => '0', 'I' or 'L' => '1', _ => c });
        }
        if (body.Length != Length || body.ToString().Any(c => !Alphabet.Contains(c))) return null;
        var text = body.ToString();
        return $"{Prefix}-{text[..4]}-{text[4..8]}-{text[8..]}";
    }
}
