using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Platform.Contracts;
using Platform.ServiceDefaults.Auth;
using Platform.TestSupport;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// What would give a secret document away (its subject, number and code, direction, file) and the text of
/// an answer as a person or a program would read it: JSON strings unescaped (System.Text.Json writes
/// "Đ" as \u0110), HTML and XML entities decoded, workbooks (zip) unpacked. Each secret's texts carry an
/// ASCII token, so even an encoding this reader does not know still shows the token.
/// </summary>
public sealed class LeakWatch
{
    private readonly List<(Secrecy Level, string Text)> watched = [];
    private readonly List<string> leaks = [];

    public int Reads { get; private set; }

    public IReadOnlyList<string> Leaks => leaks;

    public void Watch(Secrecy level, params string[] texts)
    {
        foreach (var text in texts) watched.Add((level, text));
    }

    /// <summary>Notes each watched text of a level above <paramref name="mayShow"/> that <paramref name="text"/> shows.</summary>
    public void Inspect(string who, string where, string text, Secrecy mayShow = Secrecy.None)
    {
        Reads++;
        foreach (var (level, secret) in watched)
        {
            if (level > mayShow && text.Contains(secret, StringComparison.OrdinalIgnoreCase)) leaks.Add($"{who} {where}: shows '{secret}'");
        }
    }

    /// <summary>The secret levels whose texts <paramref name="text"/> shows: proves the watch sees what a cleared caller is shown.</summary>
    public IReadOnlyList<Secrecy> LevelsIn(string text) =>
        [.. watched.Where(w => text.Contains(w.Text, StringComparison.OrdinalIgnoreCase)).Select(w => w.Level).Distinct().Order()];

    public async Task InspectAsync(string who, string where, HttpResponseMessage response, Secrecy mayShow = Secrecy.None) =>
        Inspect(who, where, await ReadableTextAsync(response), mayShow);

    public void AssertNone(string what)
    {
        TestContext.Out.WriteLine($"{what}: {Reads} reads checked for {watched.Count} secret texts");
        Assert.That(Reads, Is.GreaterThan(0), "something was read");
        Assert.That(leaks, Is.Empty, string.Join("\n", leaks.Distinct()));
    }

    /// <summary>The highest secrecy a caller is cleared for (anonymous: none).</summary>
    public static Secrecy ClearanceOf(TestUser? user) => user is null ? Secrecy.None : PlatformClaims.ParseClearance(user.Clearance);

    /// <summary>An ASCII token no other test's data holds, to put in each secret text.</summary>
    public static string Token(Secrecy level, string run) => $"MAT{(int)level}X{run}".ToUpperInvariant();

    public static async Task<string> ReadableTextAsync(HttpResponseMessage response) =>
        Readable(await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType ?? "");

    private static string Readable(byte[] bytes, string mediaType)
    {
        if (bytes is [(byte)'P', (byte)'K', 3, 4, ..])
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var parts = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                parts.AppendLine(Readable(buffer.ToArray(), "application/xml"));
            }
            return parts.ToString();
        }
        var text = Encoding.UTF8.GetString(bytes);
        var readable = new StringBuilder(text).AppendLine().AppendLine(WebUtility.HtmlDecode(text));
        if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var document = JsonDocument.Parse(bytes);
                Strings(document.RootElement, readable);
            }
            catch (JsonException) { }
        }
        return readable.ToString().Normalize(NormalizationForm.FormC);
    }

    private static void Strings(JsonElement element, StringBuilder into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into.AppendLine(element.GetString());
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Strings(item, into);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    into.AppendLine(property.Name);
                    Strings(property.Value, into);
                }
                break;
        }
    }
}
