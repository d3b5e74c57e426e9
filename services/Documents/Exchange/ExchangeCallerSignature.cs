using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Exchange;

/// <summary>
/// How two agencies authenticate calls to each other: the caller names itself and signs the body's
/// hash and the time with the secret the two share (HMAC-SHA256), as an axis authenticates each
/// connected system. The package's CMS signatures then prove who signed the document itself.
/// </summary>
public static class ExchangeCallerSignature
{
    public const string AgencyHeader = "X-Edxml-Agency";
    public const string TimestampHeader = "X-Edxml-Timestamp";
    public const string SignatureHeader = "X-Edxml-Signature";

    public static IReadOnlyDictionary<string, string> Headers(string callerCode, string key, byte[] body, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            [AgencyHeader] = callerCode,
            [TimestampHeader] = timestamp,
            [SignatureHeader] = Compute(callerCode, timestamp, key, body),
        };
    }

    /// <summary>The calling agency, when the headers hold; otherwise a 401 with the reason in Vietnamese.</summary>
    public static Agency Verify(string? callerCode, string? timestamp, string? signature, byte[] body, AgencyDirectory directory, DateTimeOffset now, TimeSpan skew)
    {
        if (string.IsNullOrWhiteSpace(callerCode) || string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(signature))
        {
            throw Unauthorized("Thiếu thông tin xác thực cơ quan gửi (mã cơ quan, thời điểm, chữ ký).");
        }
        var caller = directory.Find(callerCode);
        if (caller?.Key is null) throw Unauthorized($"Cơ quan {callerCode} không có trong danh bạ liên thông hoặc chưa được cấp khóa kết nối.");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).Duration() > skew)
        {
            throw Unauthorized("Thời điểm gửi lệch quá xa đồng hồ bên nhận; yêu cầu có thể là gửi lại trái phép.");
        }
        var expected = Encoding.ASCII.GetBytes(Compute(caller.Code, timestamp, caller.Key, body));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant())))
        {
            throw Unauthorized($"Chữ ký xác thực của cơ quan {caller.Code} không đúng.");
        }
        return caller;
    }

    private static string Compute(string callerCode, string timestamp, string key, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key),
            Encoding.UTF8.GetBytes($"{callerCode}\n{timestamp}\n{Convert.ToHexStringLower(SHA256.HashData(body))}")));

    private static DomainRuleException Unauthorized(string detail) => new(detail, 401, "exchange-unauthenticated");
}
