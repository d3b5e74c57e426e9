using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Platform.Portal.Tests.Support;
using Platform.TestSupport;

namespace Platform.Portal.Tests;

/// <summary>The portal against the real Documents service: gRPC search, signed files, signature check, and Documents going down.</summary>
[NonParallelizable]
public sealed partial class PublicSearchTests
{
    private const string Subject = "Về việc phê duyệt Đề án chuyển đổi số tỉnh đến năm 2030";
    private PortalWithDocuments _platform = null!;
    private HttpClient _visitor = null!;
    private Guid _public;
    private Guid _secret;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = new PortalWithDocuments();
        _visitor = _platform.Visitor();
        _public = await _platform.IssueAsync("Quyết định", Subject, isLegalNormative: true);
        _secret = await _platform.IssueAsync("Quyết định", "Về việc chuyển đổi số phương án tác chiến bí mật", isPublic: false, secrecy: "Secret");
        await Eventually.UntilAsync(() => _visitor.GetStringAsync("/van-ban"), page => page.Contains($"/van-ban/{_public}"), what: "the issued document on the portal");
        await Eventually.UntilAsync(() => _visitor.GetStringAsync("/van-ban?q=chuyen+doi+so"), page => page.Contains($"/van-ban/{_public}") && !page.Contains("tim-du-phong"),
            what: "the document in Documents' search index");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _visitor.Dispose();
        _platform.Dispose();
    }

    [GeneratedRegex("href=\"(/van-ban/[0-9a-f-]{36}/file/[0-9a-f-]{36})\"")]
    private static partial Regex FileLink();

    [Test, Order(1)]
    public async Task A_search_without_diacritics_finds_the_document_through_the_Documents_search()
    {
        var page = WebUtility.HtmlDecode(await _visitor.GetStringAsync("/van-ban?q=de+an+chuyen+doi+so"));

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain($"/van-ban/{_public}").And.Contain(Subject));
            Assert.That(page, Does.Not.Contain("tim-du-phong"), "answered by Documents, not the portal's copy");
            Assert.That(page, Does.Not.Contain(_secret.ToString()).And.Not.Contain("tác chiến"));
        });
    }

    [Test, Order(1)]
    public async Task A_search_with_diacritics_finds_it_too()
    {
        var page = WebUtility.HtmlDecode(await _visitor.GetStringAsync("/van-ban?q=" + Uri.EscapeDataString("Đề án chuyển đổi số")));
        Assert.That(page, Does.Contain($"/van-ban/{_public}").And.Not.Contain("tim-du-phong"));
    }

    [Test, Order(2)]
    public async Task The_document_page_offers_the_signed_file_and_shows_the_signature_check()
    {
        var page = WebUtility.HtmlDecode(await _visitor.GetStringAsync($"/van-ban/{_public}"));
        var file = FileLink().Match(page).Groups[1].Value;
        using var download = await _visitor.GetAsync(file);
        var bytes = await download.Content.ReadAsByteArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("van-ban.pdf").And.Contain("Hợp lệ").And.Contain("Thời gian ký"));
            Assert.That(page, Does.Contain("KT. CHỦ TỊCH - PHÓ CHỦ TỊCH Nguyễn Văn B"));
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(bytes[..5], Is.EqualTo("%PDF-"u8.ToArray()));
        });
    }

    [Test, Order(3)]
    public async Task A_secret_document_is_on_no_page_and_in_no_search()
    {
        using var detail = await _visitor.GetAsync($"/van-ban/{_secret}");
        var search = await _visitor.GetStringAsync("/van-ban?q=tac+chien");

        Assert.Multiple(() =>
        {
            Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(search, Does.Contain("Không tìm thấy văn bản phù hợp"));
        });
    }

    [Test, Order(4)]
    public async Task A_recalled_document_leaves_the_portal()
    {
        var recalled = await _platform.IssueAsync("Quyết định", "Về việc giao chỉ tiêu thu hút khách du lịch năm 2027");
        await Eventually.UntilAsync(() => _visitor.GetStringAsync("/van-ban"), page => page.Contains($"/van-ban/{recalled}"), what: "the document on the portal");
        using var leader = _platform.Documents(TestUser.Leader);
        (await leader.PostAsJsonAsync($"api/documents/outgoing/{recalled}/recall", new { reason = "Sai thẩm quyền ban hành" })).EnsureSuccessStatusCode();

        await Eventually.UntilAsync(() => _visitor.GetStringAsync("/van-ban"), page => !page.Contains($"/van-ban/{recalled}"), what: "the recalled document gone");
        using var detail = await _visitor.GetAsync($"/van-ban/{recalled}");
        Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test, Order(100)]
    public async Task When_Documents_stops_the_pages_still_render_and_search_falls_back_to_the_portal_copy()
    {
        await _visitor.GetStringAsync($"/van-ban/{_public}");
        _platform.StopDocuments();

        using var home = await _visitor.GetAsync("/");
        using var detail = await _visitor.GetAsync($"/van-ban/{_public}");
        using var search = await _visitor.GetAsync("/van-ban?q=chuyen+doi+so");
        var detailPage = WebUtility.HtmlDecode(await detail.Content.ReadAsStringAsync());
        var searchPage = WebUtility.HtmlDecode(await search.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(detailPage, Does.Contain("Hợp lệ").And.Contain("kết quả kiểm tra gần nhất").And.Contain("van-ban.pdf"));
            Assert.That(search.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(searchPage, Does.Contain("tim-du-phong").And.Contain($"/van-ban/{_public}"));
        });
    }
}

/// <summary>With the default interval, a fresh signature check is shown without asking Documents again.</summary>
[NonParallelizable]
public sealed class SignatureRecheckTests
{
    [Test]
    public async Task A_recent_check_is_shown_from_the_read_model_without_asking_Documents()
    {
        using var platform = new PortalWithDocuments(recheckInterval: TimeSpan.FromMinutes(10));
        using var visitor = platform.Visitor();
        var id = await platform.IssueAsync("Quyết định", "Về việc công nhận xã đạt chuẩn nông thôn mới nâng cao");
        await Eventually.UntilAsync(() => visitor.GetStringAsync("/van-ban"), page => page.Contains($"/van-ban/{id}"), what: "the document on the portal");
        var first = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/van-ban/{id}"));
        platform.StopDocuments();

        var second = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/van-ban/{id}"));

        Assert.That(first, Does.Contain("Hợp lệ"));
        Assert.That(second, Does.Contain("Hợp lệ").And.Contain("van-ban.pdf").And.Not.Contain("tạm gián đoạn"));
    }
}
