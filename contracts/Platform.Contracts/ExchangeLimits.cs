namespace Platform.Contracts;

/// <summary>
/// What the Documents exchange inbox (hộp nhận gói tin liên thông) and the gateway in front of it must
/// agree on: an edXML package carries its files base64-encoded, so it may exceed the ordinary upload limit.
/// </summary>
public static class ExchangeLimits
{
    /// <summary>Largest edXML package taken at POST /api/documents/exchange/packages.</summary>
    public const long MaxPackageBytes = 64L * 1024 * 1024;
}
