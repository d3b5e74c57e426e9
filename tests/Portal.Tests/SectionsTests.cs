using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Portal.Domain;
using Platform.TestSupport;

namespace Platform.Portal.Tests;

/// <summary>The sections Nghị định 42/2022 requires, edited by the portal editor, and the public consultation on drafts.</summary>
[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed partial class SectionsTests(DatabaseKind database)
{
    private PortalFactory _portal = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _visitor = null!;
    private HttpClient _editor = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _portal = new PortalFactory(database);
        _factory = _portal.WithWebHostBuilder(web => web.UseSetting("Portal:Feedback:PermitLimit", "1000"));
        _visitor = _factory.CreateClient();
        _editor = _factory.CreateClient();
        TestUser.PortalEditor.SignIn(_editor);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _visitor.Dispose();
        _editor.Dispose();
        _factory.Dispose();
        _portal.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Test]
    public async Task Every_required_section_has_a_page_with_content_linked_from_every_page()
    {
        foreach (var (key, title) in PortalSections.All)
        {
            var page = WebUtility.HtmlDecode(await _visitor.GetStringAsync($"/{key}"));
            Assert.That(page, Does.Contain($"<h2>{title}</h2>"), key);
            Assert.That(Regex.Matches(page, "<p class=\"answer\">").Count, Is.GreaterThan(0), $"{key} has seeded text");
            foreach (var (other, _) in PortalSections.All) Assert.That(page, Does.Contain($"href=\"/{other}\""), $"{key} links to {other}");
        }
        var home = await _visitor.GetStringAsync("/phan-anh");
        foreach (var (key, _) in PortalSections.All) Assert.That(home, Does.Contain($"href=\"/{key}\""));
    }

    [Test]
    public async Task The_home_page_links_to_online_public_services()
    {
        var home = WebUtility.HtmlDecode(await _visitor.GetStringAsync("/"));
        Assert.That(home, Does.Contain("Dịch vụ công trực tuyến").And.Contain("href=\"https://dichvucong.gov.vn\"").And.Contain("href=\"/thu-tuc-hanh-chinh\""));
    }

    [Test]
    public async Task An_unknown_section_is_not_found()
    {
        using var response = await _visitor.GetAsync("/khong-co-chuyen-muc-nay");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_portal_editor_rewrites_a_section_and_the_public_sees_it()
    {
        using var response = await _editor.PutAsJsonAsync("/staff/api/sections/lien-he", new
        {
            title = "Liên hệ",
            body = "Văn phòng UBND tỉnh, số 52 đường Hùng Vương.\n\nĐiện thoại: 0255 3822 145.",
            links = "Gửi phản ánh | /phan-anh\nCổng Dịch vụ công quốc gia | https://dichvucong.gov.vn",
        });
        var page = WebUtility.HtmlDecode(await _visitor.GetStringAsync("/lien-he"));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page, Does.Contain("số 52 đường Hùng Vương").And.Contain("Điện thoại: 0255 3822 145."));
            Assert.That(page, Does.Contain("<a href=\"https://dichvucong.gov.vn\" rel=\"noopener\">Cổng Dịch vụ công quốc gia</a>"));
        });
    }

    [Test]
    public async Task Only_a_portal_editor_may_change_a_section()
    {
        using var specialist = _factory.CreateClient();
        TestUser.Specialist.SignIn(specialist);
        var change = new { title = "Giới thiệu", body = "Thay đổi trái phép", links = "" };
        using var anonymous = await _visitor.PutAsJsonAsync("/staff/api/sections/gioi-thieu", change);
        using var other = await specialist.PutAsJsonAsync("/staff/api/sections/gioi-thieu", change);

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await _visitor.GetStringAsync("/gioi-thieu"), Does.Not.Contain("Thay đổi trái phép"));
    }

    [Test]
    public async Task A_citizen_comments_on_an_open_draft_and_the_editor_reads_the_comment()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        using var created = await _editor.PostAsJsonAsync("/staff/api/consultations", new
        {
            title = "Dự thảo Nghị quyết quy định mức thu phí tham quan danh lam thắng cảnh",
            draftingBody = "Sở Tài chính", summary = "Dự thảo quy định mức thu phí.\n\nĐề nghị góp ý trước hạn.",
            opensOn = today.AddDays(-1), closesOn = today.AddDays(14),
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var listing = WebUtility.HtmlDecode(await _visitor.GetStringAsync("/lay-y-kien-du-thao"));
        var form = await _visitor.GetStringAsync($"/lay-y-kien-du-thao/{id}");
        using var sent = await _visitor.PostAsync($"/lay-y-kien-du-thao/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
            ["Form.Name"] = "Phạm Văn Cường", ["Form.Contact"] = "cuong@example.vn", ["Form.Content"] = "Đề nghị miễn phí cho người cao tuổi.",
        }));
        var thanks = WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync());
        var comments = await _editor.GetFromJsonAsync<JsonElement>($"/staff/api/consultations/{id}/comments");

        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(listing, Does.Contain("mức thu phí tham quan danh lam thắng cảnh").And.Contain($"/lay-y-kien-du-thao/{id}"));
            // Post, redirect, get: the client followed the redirect to the thank-you state.
            Assert.That(sent.RequestMessage?.RequestUri?.Query, Does.Contain("daGui=true"));
            Assert.That(thanks, Does.Contain("Cảm ơn bạn đã góp ý"));
            Assert.That(comments.GetArrayLength(), Is.EqualTo(1));
            Assert.That(comments[0].GetProperty("content").GetString(), Is.EqualTo("Đề nghị miễn phí cho người cao tuổi."));
        });
    }

    [Test]
    public async Task A_closed_draft_takes_no_more_comments()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        using var created = await _editor.PostAsJsonAsync("/staff/api/consultations", new
        {
            title = "Dự thảo đã kết thúc lấy ý kiến", draftingBody = "Sở Nội vụ", summary = "Đã hết hạn.",
            opensOn = today.AddDays(-30), closesOn = today.AddDays(-1),
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var page = WebUtility.HtmlDecode(await _visitor.GetStringAsync($"/lay-y-kien-du-thao/{id}"));
        var listing = await _visitor.GetStringAsync("/lay-y-kien-du-thao");

        Assert.That(page, Does.Contain("Dự thảo đã hết thời hạn lấy ý kiến.").And.Not.Contain("<form"));
        Assert.That(listing, Does.Not.Contain(id.ToString()));
    }

    [Test]
    public async Task A_draft_closing_before_it_opens_is_refused_in_Vietnamese()
    {
        using var response = await _editor.PostAsJsonAsync("/staff/api/consultations", new
        {
            title = "Dự thảo sai ngày", draftingBody = "Sở Nội vụ", summary = "Sai ngày.", opensOn = "2026-12-10", closesOn = "2026-12-01",
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Ngày kết thúc lấy ý kiến phải sau ngày bắt đầu."));
    }
}
