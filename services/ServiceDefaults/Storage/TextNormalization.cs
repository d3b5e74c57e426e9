using System.Text;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// Vietnamese text arrives in NFC or NFD depending on the keyboard and OS; stored text is
/// always NFC so equality, uniqueness and search behave.
/// </summary>
public static class TextNormalization
{
    public static string Nfc(this string value) => value.IsNormalized(NormalizationForm.FormC) ? value.Trim() : value.Normalize(NormalizationForm.FormC).Trim();

    public static string? NfcOrNull(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Nfc();
}
