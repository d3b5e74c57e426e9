using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.TestSupport;

namespace Platform.Portal.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed partial class FeedbackFormTests(DatabaseKind database)
{
    private PortalFactory _portal = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private EventCapture _events = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _portal = new PortalFactory(database);
        // These tests send many forms from one address; the limit itself has its own test.
        _factory = _portal.WithWebHostBuilder(web => web.UseSetting("Portal:Feedback:PermitLimit", "1000"));
        _events = new EventCapture(_portal.Broker, Topics.FeedbackReceived);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _events.Dispose();
        _factory.Dispose();
        _portal.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("id=\"ma-tra-cuu\">(PAKN-[0-9A-Z-]+)<")]
    private static partial Regex TrackingCodeShown();

    internal static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("/phan-anh");
        return AntiforgeryField().Match(form).Groups[1].Value;
    }

    internal static MultipartFormDataContent Form(string token, string name = "Trần Thị Bình", string contact = "0912 345 678",
        string subject = "Đèn đường hỏng tại phường Tân Phong", string content = "Cụm đèn chiếu sáng trên đường Nguyễn Trãi bị hỏng hơn hai tuần nay, đề nghị sửa chữa.",
        (string Name, byte[] Bytes)? attachment = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(name), "Form.Name" },
            { new StringContent(contact), "Form.Contact" },
            { new StringContent(subject), "Form.Subject" },
            { new StringContent(content), "Form.Content" },
        };
        if (token.Length > 0) form.Add(new StringContent(token), "__RequestVerificationToken");
        if (attachment is { } file) form.Add(new ByteArrayContent(file.Bytes), "Form.Attachment", file.Name);
        return form;
    }

    private async Task<(HttpResponseMessage Response, string Page)> SendAsync(Func<string, MultipartFormDataContent> form)
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/phan-anh", form(await AntiforgeryTokenAsync(client)));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Test]
    public async Task The_form_is_in_Vietnamese_with_a_label_for_every_field()
    {
        var page = await _factory.CreateClient().GetStringAsync("/phan-anh");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("<html lang=\"vi\">").And.Contain("Gửi phản ánh, kiến nghị"));
            foreach (var field in new[] { "Form_Name", "Form_Contact", "Form_Subject", "Form_Content", "Form_Attachment" })
            {
                Assert.That(page, Does.Contain($"for=\"{field}\""), field);
                Assert.That(page, Does.Contain($"id=\"{field}\""), field);
            }
            Assert.That(page, Does.Not.Contain("<script").And.Not.Contain("style=\""));
        });
    }

    [Test]
    public async Task Sent_feedback_gets_a_tracking_code_its_status_page_and_an_event()
    {
        var (response, page) = await SendAsync(token => Form(token, subject: "Ngập nước đường Võ Thị Sáu"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var code = TrackingCodeShown().Match(page).Groups[1].Value;
        Assert.That(code, Does.StartWith("PAKN-"));
        Assert.That(response.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo($"/phan-anh/tra-cuu/{code}"));
        Assert.That(page, Does.Contain("Ngập nước đường Võ Thị Sáu").And.Contain("Đã tiếp nhận"));
        // The status page is public to anyone with the code: it never shows who sent it.
        Assert.That(page, Does.Not.Contain("Trần Thị Bình").And.Not.Contain("0912 345 678"));

        var received = await _events.NextAsync<FeedbackReceived>(e => e.TrackingCode == code);
        Assert.That(received.Subject, Is.EqualTo("Ngập nước đường Võ Thị Sáu"));

        var again = WebUtility.HtmlDecode(await _factory.CreateClient().GetStringAsync($"/phan-anh/tra-cuu?code={code.ToLowerInvariant()}"));
        Assert.That(again, Does.Contain("Ngập nước đường Võ Thị Sáu").And.Not.Contain("đã được tiếp nhận. Mã tra cứu"));
    }

    [Test]
    public async Task An_unknown_code_is_answered_plainly()
    {
        using var response = await _factory.CreateClient().GetAsync("/phan-anh/tra-cuu/PAKN-0000-0000-0000");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Không tìm thấy phản ánh, kiến nghị có mã tra cứu này."));
    }

    [Test]
    public async Task Missing_fields_are_explained_in_Vietnamese()
    {
        var (response, page) = await SendAsync(token => Form(token, name: "", contact: "không có", subject: "", content: "ngắn"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("Vui lòng nhập họ và tên."));
            Assert.That(page, Does.Contain("Vui lòng nhập số điện thoại hoặc địa chỉ thư điện tử hợp lệ."));
            Assert.That(page, Does.Contain("Vui lòng nhập tiêu đề phản ánh, kiến nghị."));
            Assert.That(page, Does.Contain("Nội dung cần từ 20 đến 5000 ký tự."));
            Assert.That(page, Does.Not.Contain("ma-tra-cuu"));
        });
    }

    [Test]
    public async Task A_form_without_the_antiforgery_token_is_refused()
    {
        using var response = await _factory.CreateClient().PostAsync("/phan-anh", Form(token: ""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task An_attachment_named_with_a_path_is_refused_and_nothing_is_written_outside()
    {
        var (_, page) = await SendAsync(token => Form(token, attachment: ("../../../evil.pdf", "%PDF-1.7 x"u8.ToArray())));

        Assert.That(page, Does.Contain("Tên tệp đính kèm không hợp lệ.").And.Not.Contain("ma-tra-cuu"));
        Assert.That(File.Exists(Path.Combine(_portal.DataFolder, "..", "evil.pdf")), Is.False);
    }

    [Test]
    public async Task An_attachment_of_the_wrong_type_is_refused_and_a_pdf_is_kept()
    {
        var (_, refused) = await SendAsync(token => Form(token, attachment: ("anh.png", "MZ\x90\0 not a png"u8.ToArray())));
        Assert.That(refused, Does.Contain("Nội dung tệp không khớp với loại tệp."));

        var (_, accepted) = await SendAsync(token => Form(token, attachment: ("hinh-anh hiện trường.pdf", "%PDF-1.7 test"u8.ToArray())));
        Assert.That(accepted, Does.Contain("ma-tra-cuu"));
        var stored = Directory.GetFiles(Path.Combine(_portal.DataFolder, "portal", "feedback-attachments"));
        Assert.That(stored.Select(Path.GetFileName), Has.Some.Match("^[0-9a-f]{32}\\.pdf$"));
    }

    [Test]
    public async Task Script_in_feedback_is_shown_as_text()
    {
        var (_, page) = await SendAsync(token => Form(token, subject: "<script>alert('x')</script> Đường hỏng"));
        var raw = await _factory.CreateClient().GetStringAsync($"/phan-anh/tra-cuu/{TrackingCodeShown().Match(page).Groups[1].Value}");
        Assert.That(raw, Does.Not.Contain("<script>alert").And.Contain("&lt;script&gt;alert"));
    }
}
