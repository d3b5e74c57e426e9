using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Documents.Files.ObjectStorage;

/// <summary>
/// AWS Signature Version 4 in the Authorization header, the scheme every S3-compatible store
/// speaks (MinIO, Ceph RGW, the Vietnamese clouds' object storage). Written here rather than taken
/// from the AWS SDK: three S3 operations need a hundred lines, not a cloud client. Every request
/// header present when signing is signed, plus <c>host</c>; headers HttpClient adds later
/// (Content-Length) stay unsigned, which S3 allows.
/// </summary>
public sealed class SigV4Signer(string accessKey, string secretKey, string region, string service = "s3")
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>SHA-256 of no bytes: the payload hash of GET and HEAD.</summary>
    public const string EmptyPayloadSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Adds <c>x-amz-date</c>, <c>x-amz-content-sha256</c> and <c>Authorization</c> to the request.</summary>
    public void Sign(HttpRequestMessage request, string payloadSha256, DateTimeOffset now)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Remove("x-amz-date");
        request.Headers.Remove("x-amz-content-sha256");
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", payloadSha256);
        var headers = new List<KeyValuePair<string, string>>();
        if (request.Headers.Host is null) headers.Add(new("host", uri.Authority));
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            headers.Add(new(name, string.Join(",", values)));
        }
        var canonical = CanonicalRequest(request.Method.Method, uri.AbsolutePath, uri.Query, headers, payloadSha256, out var signedHeaders);
        request.Headers.TryAddWithoutValidation("Authorization", AuthorizationHeader(amzDate, signedHeaders, Signature(amzDate, canonical)));
    }

    /// <summary>The Authorization header value for a signature made at <paramref name="amzDate"/>.</summary>
    public string AuthorizationHeader(string amzDate, string signedHeaders, string signature) =>
        $"{Algorithm} Credential={accessKey}/{Scope(amzDate)},SignedHeaders={signedHeaders},Signature={signature}";

    /// <summary>The hex signature of a canonical request made at <paramref name="amzDate"/> (yyyyMMddTHHmmssZ).</summary>
    public string Signature(string amzDate, string canonicalRequest)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), amzDate[..8]);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Convert.ToHexStringLower(Hmac(key, StringToSign(amzDate, canonicalRequest)));
    }

    /// <summary>What is signed: the algorithm, the time, the credential scope and the canonical request's hash.</summary>
    public string StringToSign(string amzDate, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{Scope(amzDate)}\n{Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest))}";

    private string Scope(string amzDate) => $"{amzDate[..8]}/{region}/{service}/aws4_request";

    /// <summary>
    /// The canonical request: method, the path encoded once per segment, the query sorted and
    /// encoded, lower-case headers with trimmed values sorted by name, their names, and the payload hash.
    /// The path and query may arrive encoded or not; both give the same canonical form.
    /// </summary>
    public static string CanonicalRequest(string method, string path, string query, IEnumerable<KeyValuePair<string, string>> headers,
        string payloadSha256, out string signedHeaders)
    {
        var canonicalPath = string.Join('/', (path.Length == 0 ? "/" : path).Split('/').Select(s => Encode(Uri.UnescapeDataString(s))));
        var canonicalQuery = string.Join('&', query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Key: Encode(Unescape(kv[0])), Value: Encode(kv.Length > 1 ? Unescape(kv[1]) : "")))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => kv.Key + "=" + kv.Value));
        var sorted = headers
            .Select(h => (Name: h.Key.Trim().ToLowerInvariant(), Value: CollapseSpaces(h.Value.Trim())))
            .OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        signedHeaders = string.Join(';', sorted.Select(h => h.Name));
        var builder = new StringBuilder();
        builder.Append(method).Append('\n').Append(canonicalPath).Append('\n').Append(canonicalQuery).Append('\n');
        foreach (var (name, value) in sorted) builder.Append(name).Append(':').Append(value).Append('\n');
        builder.Append('\n').Append(signedHeaders).Append('\n').Append(payloadSha256);
        return builder.ToString();
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>RFC 3986 encoding as SigV4 wants it: unreserved characters kept, every other byte of the UTF-8 as %XX.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    // A '+' in a query means a space only in forms; S3 treats it as a literal plus.
    private static string Unescape(string value) => Uri.UnescapeDataString(value);

    private static string CollapseSpaces(string value)
    {
        if (!value.Contains("  ", StringComparison.Ordinal)) return value;
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c == ' ' && builder.Length > 0 && builder[^1] == ' ') continue;
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
