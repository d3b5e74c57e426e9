using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Security.Tests.Hosting;
using Platform.TestSupport;

namespace Platform.Security.Tests.Sqlmap;

/// <summary>
/// sqlmap against the public search and feedback endpoints of services running on PostgreSQL on
/// real ports, each seeded with a row its queries find (boolean-based detection needs a true
/// answer to differ from a false one): no injectable parameter, and sqlmap must really have run.
/// </summary>
[NonParallelizable]
public sealed partial class SqlmapTests
{
    private RunningService gazette = null!;
    private RunningService portal = null!;
    private RunningService documents = null!;
    private string trackingCode = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        Assert.That(Sqlmap.Installed, Is.True, "sqlmap is missing: tests/servers.sh install sqlmap (make deps does it)");
        gazette = PlatformServices.Listen("gazette", DatabaseKind.Postgres);
        // sqlmap sends hundreds of forms; the per-address limit would answer 429 and hide the handler.
        portal = PlatformServices.Listen("portal", DatabaseKind.Postgres, PlatformServices.NoFeedbackLimit);
        documents = PlatformServices.Listen("documents", DatabaseKind.Postgres);
        await SeedGazetteAsync();
        trackingCode = await SeedFeedbackAsync();
        await SeedDocumentAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await gazette.DisposeAsync();
        await portal.DisposeAsync();
        await documents.DisposeAsync();
    }

    [Test]
    public Task Gazette_public_document_search_is_not_injectable() =>
        Expect(Url(gazette, "/api/gazette/public/documents?q=nghi&code=01&subject=quy&type=Ngh&issuingBody=H&year=2026"), [],
            "q", "code", "subject", "type", "issuingBody", "year");

    [Test]
    public Task Gazette_public_issue_search_is_not_injectable() =>
        Expect(Url(gazette, "/api/gazette/public/issues?year=2026&number=1"), [], "year", "number");

    [Test]
    public Task Feedback_tracking_lookup_is_not_injectable() =>
        Expect(Url(portal, $"/phan-anh/tra-cuu/{trackingCode}*"), [], "#1*");

    [Test]
    public async Task Feedback_form_is_not_injectable()
    {
        // The form's antiforgery pair (cookie and field) stays valid for the session, so sqlmap reuses one;
        // without it every attempt would be a 400 that proves nothing.
        var (cookie, token) = await AntiforgeryPairAsync();
        await Expect(Url(portal, "/phan-anh"),
            ["--data", $"__RequestVerificationToken={Uri.EscapeDataString(token)}&Form.Name=Nguyen+Van+An&Form.Contact=an%40example.vn&Form.Subject=Hoi+ve+thu+tuc&Form.Content=Noi+dung+phan+anh",
             "--cookie", cookie, "--skip", "__RequestVerificationToken"],
            "Form.Name", "Form.Contact", "Form.Subject", "Form.Content");
    }

    [Test]
    public Task Staff_feedback_lookup_is_not_injectable() =>
        Expect(Url(portal, $"/staff/api/feedback/{trackingCode}*"), ["--headers", $"{TestUser.Header}: {TestUser.PortalEditor.Encode()}"], "#1*");

    [Test]
    public Task Document_search_is_not_injectable() =>
        Expect(Url(documents, "/api/documents/search?q=ke+hoach&type=KH&issuingBody=UBND&unit=VP"),
            ["--headers", $"{TestUser.Header}: {TestUser.Clerk.Encode()}"], "q", "type", "issuingBody", "unit");

    private static async Task Expect(string url, string[] arguments, params string[] parameters)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var verdict = await Sqlmap.RunAsync(url, arguments, timeout.Token);
        TestContext.Out.WriteLine($"{url}: {verdict.TestsRun} tests, parameters {string.Join(", ", verdict.TestedParameters)}");
        foreach (var line in verdict.Output.Split('\n').Where(l => l.Contains("[WARNING]") || l.Contains("[CRITICAL]") || l.Contains("[ERROR]") || ErrorCount().IsMatch(l)))
            TestContext.Out.WriteLine("  " + line.Trim());
        Assert.That(verdict.TestsRun, Is.GreaterThan(0), "sqlmap ran no test:\n" + Tail(verdict.Output));
        Assert.That(verdict.TestedParameters, Is.SupersetOf(parameters), "sqlmap tested every parameter:\n" + Tail(verdict.Output));
        Assert.That(verdict.Injections, Is.Empty, "sqlmap found an injection:\n" + Tail(verdict.Output));
    }

    private static string Url(RunningService service, string pathAndQuery) => new Uri(service.BaseAddress!, pathAndQuery).AbsoluteUri.Replace("%2A", "*");

    private static string Tail(string output) => output.Length > 4000 ? output[^4000..] : output;

    private async Task SeedGazetteAsync()
    {
        using var editor = gazette.ClientFor(TestUser.GazetteEditor);
        var signed = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = new ByteArrayContent("%PDF-1.7 bản gốc"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("01/2026/NQ-HĐND"), "numberAndCode" }, { new StringContent("Nghị quyết"), "documentType" },
            { new StringContent("Quy định mức hỗ trợ"), "subject" }, { new StringContent("Hội đồng nhân dân tỉnh"), "issuingBody" },
            { new StringContent("Trần Thị B"), "signerName" }, { new StringContent(signed), "signedDate" },
            { new StringContent("None"), "secrecy" }, { new StringContent("Điều 1. Quy định mức hỗ trợ."), "text" },
            { file, "original", "nghi-quyet.pdf" },
        };
        using var entry = await editor.PostAsync("/api/gazette/register", form);
        Assert.That(entry.StatusCode, Is.EqualTo(HttpStatusCode.Created), await entry.Content.ReadAsStringAsync());
        var entryId = (await entry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var issue = await editor.PostAsJsonAsync("/api/gazette/issues", new { entryIds = new[] { entryId } });
        Assert.That(issue.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issue.Content.ReadAsStringAsync());
        var issueId = (await issue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var published = await editor.PostAsync($"/api/gazette/issues/{issueId}/publish", null);
        Assert.That(published.IsSuccessStatusCode, Is.True, await published.Content.ReadAsStringAsync());
    }

    private async Task<(string Cookie, string Token)> AntiforgeryPairAsync()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = portal.BaseAddress };
        var page = await browser.GetStringAsync("/phan-anh");
        var token = AntiforgeryField().Match(page).Groups["value"].Value;
        var cookie = string.Join("; ", cookies.GetCookies(portal.BaseAddress!).Select(c => $"{c.Name}={c.Value}"));
        Assert.That((token, cookie), Is.Not.EqualTo((string.Empty, string.Empty)));
        return (cookie, token);
    }

    private async Task<string> SeedFeedbackAsync()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = portal.BaseAddress };
        var page = await browser.GetStringAsync("/phan-anh");
        var token = AntiforgeryField().Match(page).Groups["value"].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Form.Name"] = "Nguyễn Văn An", ["Form.Contact"] = "an@example.vn",
            ["Form.Subject"] = "Hỏi về thủ tục", ["Form.Content"] = "Nội dung phản ánh về thủ tục cấp phép.",
        });
        using var sent = await browser.PostAsync("/phan-anh", form);
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await sent.Content.ReadAsStringAsync());
        return sent.Headers.Location!.OriginalString.Split('/').Last();
    }

    private async Task SeedDocumentAsync()
    {
        using var clerk = documents.ClientFor(TestUser.Clerk);
        using var created = await clerk.PostAsJsonAsync("/api/documents/incoming", new
        {
            issuingBody = "UBND huyện", numberAndCode = "12/KH-UBND", documentDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)),
            documentType = "Kế hoạch", subject = "Kế hoạch phòng chống thiên tai", urgency = "Normal", secrecy = "None", pageCount = 2,
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"^\d{3} \([^)]*\) - \d+ times")]
    private static partial Regex ErrorCount();

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="(?<value>[^"]+)"|type="hidden" name="__RequestVerificationToken" value="(?<value>[^"]+)""")]
    private static partial Regex AntiforgeryField();
}
