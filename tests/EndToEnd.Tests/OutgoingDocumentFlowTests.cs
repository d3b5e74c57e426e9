using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.AppHost;
using Platform.TestSupport;

namespace Platform.EndToEnd.Tests;

/// <summary>An outgoing legal normative decision drafted, signed and issued through the gateway, reaching the gazette over Redis.</summary>
public sealed class OutgoingDocumentFlowTests
{
    private static HttpClient Gateway => RunningPlatform.Gateway;

    private static async Task<JsonElement> SendAsync(HttpMethod method, string path, string token, HttpContent? content = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path).WithBearer(token);
        request.Content = content;
        using var response = await Gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{method} {path}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    [Test]
    public async Task A_decision_is_drafted_signed_issued_published_in_the_gazette_and_shown_on_the_portal()
    {
        var specialist = await RunningPlatform.Tokens.PasswordAsync("chuyenvien");
        var leader = await RunningPlatform.Tokens.PasswordAsync("lanhdao");
        var clerk = await RunningPlatform.Tokens.PasswordAsync("vanthu");

        var draft = await SendAsync(HttpMethod.Post, "/api/documents/outgoing", specialist, JsonContent.Create(new
        {
            documentType = "Quyết định",
            subject = "Ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh",
            urgency = "Normal",
            secrecy = "None",
            recipients = new[] { "Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố" },
            isPublic = true,
            isLegalNormative = true,
        }), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetString();

        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n% Quyet dinh ban hanh quy dinh\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { file, "file", "quyet-dinh.pdf" }, { new StringContent("true"), "main" } };
        await SendAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/attachments", specialist, form, HttpStatusCode.Created);

        await SendAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/submit", specialist, JsonContent.Create(new { }));
        await SendAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/sign", leader, JsonContent.Create(new { }), HttpStatusCode.Conflict);
        await SendAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/review", leader, JsonContent.Create(new { }));
        await SendAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/approve", leader, JsonContent.Create(new { }));
        await SendAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/sign", leader,
            JsonContent.Create(new { signerName = "Trần Văn C", signerPosition = "TM. ỦY BAN NHÂN DÂN - CHỦ TỊCH" }));
        await SendAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/issue", specialist, JsonContent.Create(new { }), HttpStatusCode.Forbidden);
        var issued = await SendAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/issue", clerk, JsonContent.Create(new { }));
        var numberAndCode = issued.GetProperty("numberAndCode").GetString();
        Assert.That(numberAndCode, Does.Match(@"^\d{2,}/\d{4}/QĐ-UBND$"));

        var verification = await SendAsync(HttpMethod.Get, $"/api/documents/outgoing/{id}/verification", leader);
        Assert.That(verification.GetProperty("valid").GetBoolean(), Is.True, verification.ToString());

        var register = await Eventually.UntilAsync(
            () => SendAsync(HttpMethod.Get, "/api/gazette/register", clerk),
            entries => entries.EnumerateArray().Any(e => e.GetProperty("numberAndCode").GetString() == numberAndCode),
            RunningPlatform.EventTimeout, "the gazette to register the issued legal normative decision");
        var entryId = register.EnumerateArray().First(e => e.GetProperty("numberAndCode").GetString() == numberAndCode).GetProperty("id").GetString();

        // The gazette editor enters the text, composes an issue, publishes it; the portal shows it.
        var editor = await RunningPlatform.Tokens.PasswordAsync("congbao");
        using var original = new MultipartFormDataContent
        {
            { new StringContent("Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý cụm công nghiệp trên địa bàn tỉnh.\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký."), "text" },
        };
        await SendAsync(HttpMethod.Post, $"/api/gazette/register/{entryId}/original", editor, original);
        var draftIssue = await SendAsync(HttpMethod.Post, "/api/gazette/issues", editor, JsonContent.Create(new { entryIds = new[] { entryId } }), HttpStatusCode.Created);
        var published = await SendAsync(HttpMethod.Post, $"/api/gazette/issues/{draftIssue.GetProperty("id").GetString()}/publish", editor, JsonContent.Create(new { }));
        var pdfUrl = published.GetProperty("pdfUrl").GetString()!;
        var issueNumber = published.GetProperty("numbers")[0].GetInt32();

        using var pdf = await Gateway.GetAsync(pdfUrl);
        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the published issue is free to download without a token");
        Assert.That(Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]), Is.EqualTo("%PDF-"));
        await Eventually.UntilAsync(
            async () => await (await Gateway.GetAsync("/")).Content.ReadAsStringAsync(),
            html => html.Contains(pdfUrl) && html.Contains($"Số {issueNumber} năm"),
            RunningPlatform.EventTimeout, "the portal's home page to list the published gazette issue");
    }
}
