using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Portal.Domain;
using Platform.TestSupport;
using static Platform.Portal.Apis.FeedbackApi;

namespace Platform.Portal.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed partial class FeedbackHandlingTests(DatabaseKind database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private PortalFactory _portal = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _editor = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _portal = new PortalFactory(database);
        _factory = _portal.WithWebHostBuilder(web => web.UseSetting("Portal:Feedback:PermitLimit", "1000"));
        _editor = _factory.CreateClient();
        TestUser.PortalEditor.SignIn(_editor);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _editor.Dispose();
        _factory.Dispose();
        _portal.Dispose();
    }

    [GeneratedRegex("id=\"ma-tra-cuu\">(PAKN-[0-9A-Z-]+)<")]
    private static partial Regex TrackingCodeShown();

    private async Task<string> SendAsync((string Name, byte[] Bytes)? attachment = null)
    {
        var citizen = _factory.CreateClient();
        using var response = await citizen.PostAsync("/phan-anh", FeedbackFormTests.Form(await FeedbackFormTests.AntiforgeryTokenAsync(citizen), attachment: attachment));
        return TrackingCodeShown().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    [Test]
    public async Task An_editor_handles_feedback_and_the_answer_appears_on_the_status_page()
    {
        var code = await SendAsync();

        var received = await _editor.GetFromJsonAsync<FeedbackView[]>("/staff/api/feedback?status=Received", Json);
        Assert.That(received!.Single(f => f.TrackingCode == code).Contact, Is.EqualTo("0912 345 678"), "staff see how to reach the sender");
        Assert.That((await _editor.PostAsync($"/staff/api/feedback/{code}/start", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var answered = await _editor.PostAsJsonAsync($"/staff/api/feedback/{code}/answer",
            new AnswerRequest("UBND phường Tân Phong đã thay bóng đèn ngày 20/11/2026.\nCảm ơn bạn đã phản ánh."));
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var page = WebUtility.HtmlDecode(await _factory.CreateClient().GetStringAsync($"/phan-anh/tra-cuu/{code}"));
        Assert.That(page, Does.Contain("Đã trả lời").And.Contain("UBND phường Tân Phong đã thay bóng đèn ngày 20/11/2026."));

        using var again = await _editor.PostAsJsonAsync($"/staff/api/feedback/{code}/answer", new AnswerRequest("Trả lời khác"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task An_empty_answer_is_refused()
    {
        var code = await SendAsync();
        using var response = await _editor.PostAsJsonAsync($"/staff/api/feedback/{code}/answer", new AnswerRequest("  "));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Nội dung trả lời là bắt buộc."));
    }

    [Test]
    public async Task The_attachment_is_a_download_for_staff_only()
    {
        var code = await SendAsync(("bien-ban.pdf", "%PDF-1.7 bien ban"u8.ToArray()));

        using var download = await _editor.GetAsync($"/staff/api/feedback/{code}/attachment");
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(download.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        Assert.That(download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName, Is.EqualTo("bien-ban.pdf"));
        Assert.That(await download.Content.ReadAsStringAsync(), Is.EqualTo("%PDF-1.7 bien ban"));

        Assert.That((await _factory.CreateClient().GetAsync($"/staff/api/feedback/{code}/attachment")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var clerk = _factory.CreateClient();
        TestUser.Clerk.SignIn(clerk);
        Assert.That((await clerk.GetAsync($"/staff/api/feedback/{code}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
