using System.Text.RegularExpressions;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Exchange;

/// <summary>
/// An agency's identifier code (mã định danh cơ quan) on the exchange axes, `000.00.01.H56`: three
/// numeric groups and a letter with two digits (H.. a province, G.. a central body).
/// </summary>
public static partial class AgencyCode
{
    [GeneratedRegex(@"^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    public static void Ensure(string? code)
    {
        if (!IsValid(code))
        {
            throw new DomainRuleException($"Mã định danh cơ quan \"{code}\" không đúng dạng 000.00.01.H56.", 422, "invalid-agency-code");
        }
    }
}
