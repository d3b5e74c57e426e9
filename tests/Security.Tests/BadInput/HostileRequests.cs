using System.Collections;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Security.Tests.Endpoints;

namespace Platform.Security.Tests.BadInput;

/// <summary>One request of the corpus: what it tries, and how to build it (content can be sent once only).</summary>
public sealed record HostileRequest(ApiEndpoint Endpoint, string Attack, string Path, Func<HttpContent?> Content)
{
    /// <summary>
    /// False for attacks that routing or binding refuses before the handler runs (a malformed
    /// body, a value a route constraint rejects): they meet no database, so one database is enough.
    /// </summary>
    public bool ReachesStorage { get; init; } = true;

    public HttpRequestMessage ToMessage() => new(new HttpMethod(Endpoint.Method), Path) { Content = Content() };

    public override string ToString() => $"{Endpoint.Method} {Path[..Math.Min(Path.Length, 160)]} [{Attack}]";
}

/// <summary>
/// The generated corpus of malformed and hostile requests for one endpoint: every route value,
/// query value, JSON property and form field gets, one at a time, the values an attacker or a
/// broken client sends, while the rest of the request stays plausible.
/// </summary>
public static class HostileRequests
{
    public const string Script = "<script>alert('xss')</script>\"><img src=x onerror=alert(1)>";
    public const string Traversal = "../../../../etc/passwd";
    public const string SqlInjection = "' OR '1'='1'; DROP TABLE x; --";
    /// <summary>"Quyết định" decomposed (NFD): the same text in other code points.</summary>
    public static readonly string Nfd = "Quyết định về hỗ trợ".Normalize(NormalizationForm.FormD);
    public static readonly string Huge = new('Ă', 200_000);
    /// <summary>
    /// The whole corpus (SECURITY_CORPUS=full, `make security`) or its core, which `make test`
    /// runs on both databases: every kind of attack stays in the core, only near-duplicates go.
    /// </summary>
    public static readonly bool Full = Environment.GetEnvironmentVariable("SECURITY_CORPUS") == "full";

    /// <summary>Raw text values that reach the handler as strings (route, query, form).</summary>
    private static readonly (string Name, string Value)[] TextAttacks = Pick(
    [
        ("script", Script, true), ("traversal", Traversal, false), ("sql", SqlInjection, true), ("nfd", Nfd, true), ("huge", Huge, true),
        ("empty", "", false), ("whitespace", "   ", false), ("nul", "a\0b", true), ("lone surrogate", "\ud800x", false), ("control chars", "\u0001\u001b[31m\u202e", true),
        ("negative", "-1", false), ("overflow", "99999999999999999999999999", true), ("exponent", "1e400", false), ("zero guid", Guid.Empty.ToString(), false),
        ("date out of range", "0001-01-01", false), ("date far future", "9999-12-31", false), ("impossible date", "2026-02-30", true),
    ]);
    /// <summary>Percent-encoded byte sequences that are not valid UTF-8 (an overlong slash, an encoded surrogate, a stray byte).</summary>
    private static readonly (string Name, string Encoded)[] RawEncodedAttacks = Pick(
    [
        ("overlong utf8", "%C0%AF", true), ("encoded surrogate", "%ED%A0%80", false), ("stray byte", "%FF%FE", true), ("bad percent", "%ZZ", true), ("encoded traversal", "..%2F..%2Fetc%2Fpasswd", false),
    ]);

    private static (string, string)[] Pick((string Name, string Value, bool Core)[] attacks) =>
        attacks.Where(a => Full || a.Core).Select(a => (a.Name, a.Value)).ToArray();

    public static IEnumerable<HostileRequest> For(ApiEndpoint endpoint)
    {
        var path = endpoint.PathWith(PlausibleRouteValue);
        foreach (var route in endpoint.Of(InputSource.Route))
        {
            // NUL in a path is refused by Kestrel itself before any endpoint; the in-memory server throws instead.
            foreach (var (name, value) in TextAttacks.Where(a => a.Value.Length < 10_000 && !a.Value.Contains('\0')))
                yield return new(endpoint, $"route {route.Name}: {name}", endpoint.PathWith(i => i == route ? Uri.EscapeDataString(value) : PlausibleRouteValue(i)), PlausibleBody(endpoint)) { ReachesStorage = route.Constraint is null };
            foreach (var (name, encoded) in RawEncodedAttacks)
                yield return new(endpoint, $"route {route.Name}: {name}", endpoint.PathWith(i => i == route ? encoded : PlausibleRouteValue(i)), PlausibleBody(endpoint)) { ReachesStorage = route.Constraint is null };
        }
        foreach (var query in endpoint.Of(InputSource.Query))
        {
            foreach (var (name, value) in TextAttacks)
                yield return new(endpoint, $"query {query.Name}: {name}", $"{path}?{query.Name}={Uri.EscapeDataString(value)}", PlausibleBody(endpoint));
            foreach (var (name, encoded) in RawEncodedAttacks)
                yield return new(endpoint, $"query {query.Name}: {name}", $"{path}?{query.Name}={encoded}", PlausibleBody(endpoint));
            yield return new(endpoint, $"query {query.Name}: repeated", $"{path}?{query.Name}=1&{query.Name}=2", PlausibleBody(endpoint));
        }
        yield return new(endpoint, "plausible request", path, PlausibleBody(endpoint));
        yield return new(endpoint, "unknown query and header noise", path + "?__proto__=1&constructor=%3Cscript%3E", PlausibleBody(endpoint));
        if (endpoint.JsonBody is { } body)
        {
            foreach (var request in JsonBodyAttacks(endpoint, path, body.Type)) yield return request;
        }
        if (endpoint.Of(InputSource.Form).Any() || endpoint.Of(InputSource.FormFile).Any())
        {
            foreach (var request in FormAttacks(endpoint, path)) yield return request;
        }
        if (endpoint.Method is "GET" or "DELETE" && !endpoint.HasBody)
        {
            yield return new(endpoint, "unexpected body", path, () => Json("{\"unexpected\": true}"));
        }
    }

    /// <summary>The request a well-behaved client would send: plausible route values and body, no query.</summary>
    public static HostileRequest Plausible(ApiEndpoint endpoint) =>
        new(endpoint, "plausible request", endpoint.PathWith(PlausibleRouteValue), PlausibleBody(endpoint));

    public static string PlausibleRouteValue(EndpointInput input) => input.Constraint switch
    {
        "guid" => Guid.NewGuid().ToString(),
        "int" or "long" => "1",
        _ when input.ValueType == typeof(Guid) => Guid.NewGuid().ToString(),
        _ when input.ValueType == typeof(int) || input.ValueType == typeof(long) => "1",
        _ => "thu-nghiem",
    };

    private static Func<HttpContent?> PlausibleBody(ApiEndpoint endpoint)
    {
        if (endpoint.JsonBody is { } body) return () => Json(Sample(body.Type, 0)?.ToJsonString() ?? "{}");
        if (endpoint.Of(InputSource.Form).Any() || endpoint.Of(InputSource.FormFile).Any()) return () => Form(endpoint, null, null);
        return () => null;
    }

    private static IEnumerable<HostileRequest> JsonBodyAttacks(ApiEndpoint endpoint, string path, Type type)
    {
        HostileRequest Raw(string attack, string text, string contentType = "application/json") =>
            new(endpoint, "json: " + attack, path, () => new StringContent(text, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType))) { ReachesStorage = false };
        HostileRequest Bytes(string attack, byte[] bytes) =>
            new(endpoint, "json: " + attack, path, () => new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }) { ReachesStorage = false };

        yield return Raw("broken", "{\"a\":");
        yield return Raw("empty", "");
        yield return Raw("null", "null");
        yield return Raw("array", "[]");
        yield return Raw("string", "\"text\"");
        yield return Raw("number", "12345");
        yield return Raw("empty object", "{}");
        yield return Raw("trailing garbage", (Sample(type, 0)?.ToJsonString() ?? "{}") + "}}}");
        yield return Raw("deep nesting", new string('[', 5000) + new string(']', 5000));
        yield return Raw("lone surrogate escape", "{\"x\":\"\\ud800\"}");
        yield return Bytes("invalid utf8", [.. "{\"x\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]);
        var sample = Sample(type, 0)?.ToJsonString() ?? "{}";
        yield return Raw("as text/plain", sample, "text/plain");
        yield return Raw("as xml", "<x>" + Script + "</x>", "application/xml");
        yield return new(endpoint, "json: as form", path, () => new FormUrlEncodedContent([new("subject", Script)])) { ReachesStorage = false };
        if (Nullable.GetUnderlyingType(type) is null && !EndpointCatalog.IsSimple(type) && !typeof(IEnumerable).IsAssignableFrom(type))
        {
            foreach (var property in JsonProperties(type))
            {
                foreach (var (attack, value) in PropertyAttacks(property.PropertyType))
                {
                    var name = JsonName(property);
                    yield return new(endpoint, $"json {name}: {attack}", path, () =>
                    {
                        var node = (JsonObject)Sample(type, 0)!;
                        node[name] = value?.DeepClone();
                        return Json(node.ToJsonString());
                    });
                }
            }
            // All strings hostile at once, so a check on one field cannot hide a failure on another.
            foreach (var (attack, text) in new[] { ("script", Script), ("nfd", Nfd), ("sql", SqlInjection), ("traversal", Traversal) })
                yield return new(endpoint, $"json all strings: {attack}", path, () => Json(Sample(type, 0, text)?.ToJsonString() ?? "{}"));
        }
    }

    private static IEnumerable<(string, JsonNode?)> PropertyAttacks(Type type) =>
        AllPropertyAttacks(type).Where(a => Full || CorePropertyAttacks.Contains(a.Item1));

    private static readonly HashSet<string> CorePropertyAttacks =
        ["null", "object", "huge string", "long overflow", "impossible date", "script", "nul and controls", "undefined enum", "many items"];

    private static IEnumerable<(string, JsonNode?)> AllPropertyAttacks(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        yield return ("null", null);
        yield return ("object", new JsonObject { ["x"] = 1 });
        yield return ("array", new JsonArray(1, "a"));
        yield return ("bool", JsonValue.Create(true));
        yield return ("huge string", JsonValue.Create(Huge));
        yield return ("negative", JsonValue.Create(-1));
        yield return ("int overflow", JsonNode.Parse("2147483648"));
        yield return ("long overflow", JsonNode.Parse("99999999999999999999999999"));
        yield return ("fraction", JsonValue.Create(1.5));
        yield return ("date out of range", JsonValue.Create("0001-01-01T00:00:00"));
        yield return ("date far future", JsonValue.Create("9999-12-31T23:59:59.9999999+14:00"));
        yield return ("impossible date", JsonValue.Create("2026-02-30"));
        yield return ("not a guid", JsonValue.Create("not-a-guid"));
        yield return ("script", JsonValue.Create(Script));
        yield return ("nfd", JsonValue.Create(Nfd));
        yield return ("traversal", JsonValue.Create(Traversal));
        yield return ("nul and controls", JsonValue.Create("a\0b\u001b\u202e"));
        if (t.IsEnum) yield return ("undefined enum", JsonValue.Create(9999));
        if (t.IsArray || (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t)))
        {
            yield return ("many items", new JsonArray(Enumerable.Range(0, 5000).Select(i => (JsonNode?)JsonValue.Create("x" + i)).ToArray()));
            yield return ("null item", new JsonArray((JsonNode?)null));
        }
    }

    private static IEnumerable<HostileRequest> FormAttacks(ApiEndpoint endpoint, string path)
    {
        foreach (var field in endpoint.Of(InputSource.Form))
        {
            foreach (var (name, value) in TextAttacks)
                yield return new(endpoint, $"form {field.Name}: {name}", path, () => Form(endpoint, (field.Name, value), null));
        }
        var files = endpoint.Of(InputSource.FormFile).ToList();
        foreach (var (attack, fileName, bytes) in FileAttacks())
            yield return new(endpoint, "file: " + attack, path, () => Form(endpoint, null, (fileName, bytes)));
        yield return new(endpoint, "form: no fields at all", path, () => new MultipartFormDataContent()) { ReachesStorage = false };
        yield return new(endpoint, "form: urlencoded instead of multipart", path, () => new FormUrlEncodedContent([new("subject", Script)])) { ReachesStorage = false };
        yield return new(endpoint, "form: urlencoded with a NUL", path, () => new FormUrlEncodedContent([new("subject", "a\0b")])) { ReachesStorage = false };
        yield return new(endpoint, "form: json instead", path, () => Json("{\"subject\":\"x\"}")) { ReachesStorage = false };
        yield return new(endpoint, "form: broken multipart", path, () => new StringContent("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nabc", Encoding.UTF8, MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b"))) { ReachesStorage = false };
        yield return new(endpoint, "form: multipart without boundary", path, () => new StringContent("abc", Encoding.UTF8, "multipart/form-data")) { ReachesStorage = false };
        if (files.Count > 0)
            yield return new(endpoint, "form: files missing", path, () => Form(endpoint, null, null, withFiles: false));
    }

    private static IEnumerable<(string, string, byte[])> FileAttacks()
    {
        yield return ("traversal name", Traversal, "%PDF-1.4 hostile"u8.ToArray());
        yield return ("windows traversal name", "..\\..\\..\\windows\\win.ini", "%PDF-1.4 hostile"u8.ToArray());
        yield return ("absolute name", "/etc/passwd", "root:x:0:0"u8.ToArray());
        yield return ("nul in name", "a\0.pdf", "%PDF-1.4"u8.ToArray());
        yield return ("script name", Script + ".pdf", "%PDF-1.4"u8.ToArray());
        yield return ("nfd name", Nfd + ".pdf", "%PDF-1.4"u8.ToArray());
        yield return ("very long name", new string('a', 1000) + ".pdf", "%PDF-1.4"u8.ToArray());
        yield return ("empty file", "empty.pdf", []);
        yield return ("html claiming pdf", "page.pdf", Encoding.UTF8.GetBytes("<html>" + Script + "</html>"));
        yield return ("executable", "setup.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03]);
        yield return ("oversized", "big.pdf", OversizedFile.Value);
    }

    /// <summary>Larger than any upload limit the services set (the largest is 100 MB for signature checks; most are 10 to 30 MB).</summary>
    private static readonly Lazy<byte[]> OversizedFile = new(() =>
    {
        var bytes = new byte[31 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    });

    private static MultipartFormDataContent Form(ApiEndpoint endpoint, (string Name, string Value)? attack, (string Name, byte[] Bytes)? file, bool withFiles = true)
    {
        var form = new MultipartFormDataContent();
        foreach (var field in endpoint.Of(InputSource.Form))
        {
            var value = attack is { } a && a.Name == field.Name ? a.Value : SampleText(field.Type);
            form.Add(new StringContent(value, Encoding.UTF8), Camel(field.Name));
        }
        if (!withFiles) return form;
        foreach (var field in endpoint.Of(InputSource.FormFile))
        {
            var (name, bytes) = file ?? ("van-ban.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray());
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            // Written without validation: a hostile client sends file names HttpClient would refuse.
            content.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{Camel(field.Name)}\"; filename=\"{name.Replace("\"", "\\\"")}\"");
            form.Add(content);
        }
        return form;
    }

    private static string SampleText(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset)) return "2026-11-20";
        if (t == typeof(Guid)) return Guid.NewGuid().ToString();
        if (t == typeof(bool)) return "false";
        if (t.IsEnum) return Enum.GetNames(t)[0];
        if (t.IsPrimitive || t == typeof(decimal)) return "1";
        return "Văn bản thử nghiệm";
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>A plausible JSON value for the type: the shape a well-behaved client would send.</summary>
    public static JsonNode? Sample(Type type, int depth, string text = "Văn bản thử nghiệm")
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (depth > 4) return null;
        if (t == typeof(string)) return text;
        if (t == typeof(bool)) return false;
        if (t == typeof(Guid)) return Guid.NewGuid().ToString();
        if (t == typeof(DateOnly)) return "2026-11-20";
        if (t == typeof(DateTime) || t == typeof(DateTimeOffset)) return "2026-11-20T08:00:00+07:00";
        if (t == typeof(TimeOnly)) return "08:00:00";
        if (t == typeof(TimeSpan)) return "01:00:00";
        if (t.IsEnum) return Enum.GetNames(t)[0];
        if (t.IsPrimitive || t == typeof(decimal)) return 1;
        if (t == typeof(JsonElement) || t == typeof(object)) return new JsonObject();
        if (t.IsArray) return new JsonArray(Sample(t.GetElementType()!, depth + 1, text));
        if (t.IsGenericType && typeof(IDictionary).IsAssignableFrom(t)) return new JsonObject();
        if (t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t)) return new JsonArray(Sample(t.GetGenericArguments()[0], depth + 1, text));
        var node = new JsonObject();
        foreach (var property in JsonProperties(t)) node[JsonName(property)] = Sample(property.PropertyType, depth + 1, text);
        return node;
    }

    private static IEnumerable<PropertyInfo> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null);

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? Camel(property.Name);

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
