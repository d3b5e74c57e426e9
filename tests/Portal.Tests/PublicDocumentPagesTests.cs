using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.TestSupport;

namespace Platform.Portal.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class PublicDocumentPagesTests(DatabaseKind database)
{
    private PortalFactory _portal = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _visitor = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _portal = new PortalFactory(database);
        // The Documents and Gazette services are down. The pages must not care, since they read
        // only the portal's own database.
        _factory = _portal.WithWebHostBuilder(web => web.WithOtherServicesDown());
        _visitor = _factory.CreateClient();

        for (var day = 1; day <= 25; day++)
        {
            await _portal.Broker.PublishAsync(new DocumentIssued(
                Guid.NewGuid(), $"{day}/QĐ-UBND", "Quyết định", $"Về việc phê duyệt kế hoạch số {day}", "Nguyễn Văn A", "Chủ tịch",
                new DateOnly(2026, 10, day), Secrecy.None, true, day == 25, ["Các sở, ban, ngành"], DateTimeOffset.UtcNow));
        }
        await _portal.Broker.PublishAsync(new GazetteIssuePublished(
            Guid.Parse("0196a0a0-0000-7000-8000-000000000001"), 2025, [40], new DateOnly(2025, 12, 30), [], "/api/gazette/public/issues/0196a0a0-0000-7000-8000-000000000001/pdf", DateTimeOffset.UtcNow));
        await _portal.Broker.PublishAsync(new GazetteIssuePublished(
            Guid.Parse("0196a0a0-0000-7000-8000-000000000002"), 2026, [12, 13], new DateOnly(2026, 11, 20), [], "/api/gazette/public/issues/0196a0a0-0000-7000-8000-000000000002/pdf", DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(() => _visitor.GetStringAsync("/cong-bao?nam=2026"), page => page.Contains("12 + 13") || page.Contains("12 &#x2B; 13"), what: "the 2026 issue");
        // Published in date order and handled in order: once the newest shows, all are there.
        await Eventually.UntilAsync(() => _visitor.GetStringAsync("/van-ban"), page => page.Contains(">25/QĐ-UBND<"), what: "all documents");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _visitor.Dispose();
        _factory.Dispose();
        _portal.Dispose();
    }

    [Test]
    public async Task Documents_are_listed_newest_first_twenty_to_a_page()
    {
        var first = await _visitor.GetStringAsync("/van-ban");
        var second = await _visitor.GetStringAsync("/van-ban?trang=2");

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Contain("25/QĐ-UBND").And.Contain("6/QĐ-UBND").And.Not.Contain(">5/QĐ-UBND<"));
            Assert.That(first.IndexOf("25/QĐ-UBND", StringComparison.Ordinal), Is.LessThan(first.IndexOf("24/QĐ-UBND", StringComparison.Ordinal)));
            Assert.That(first, Does.Contain("Trang 1 / 2").And.Contain("href=\"/van-ban?trang=2\""));
            Assert.That(second, Does.Contain(">5/QĐ-UBND<").And.Contain(">1/QĐ-UBND<").And.Not.Contain(">6/QĐ-UBND<"));
            Assert.That(second, Does.Contain("href=\"/van-ban?trang=1\""));
        });
    }

    [Test]
    public async Task The_home_page_renders_while_the_Documents_service_is_down()
    {
        using var response = await _visitor.GetAsync("/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(">25/QĐ-UBND<"));
    }

    [Test]
    public async Task A_page_past_the_end_shows_the_last_page()
    {
        var page = await _visitor.GetStringAsync("/van-ban?trang=99");
        Assert.That(page, Does.Contain("Trang 2 / 2"));
    }

    [Test]
    public async Task A_document_has_its_own_page()
    {
        var list = await _visitor.GetStringAsync("/van-ban");
        var link = System.Text.RegularExpressions.Regex.Match(list, "href=\"(/van-ban/[0-9a-f-]{36})\">25/QĐ-UBND<").Groups[1].Value;

        var page = WebUtility.HtmlDecode(await _visitor.GetStringAsync(link));

        Assert.That(page, Does.Contain("Quyết định số 25/QĐ-UBND").And.Contain("Về việc phê duyệt kế hoạch số 25")
            .And.Contain("25/10/2026").And.Contain("Nguyễn Văn A"));
    }

    [Test]
    public async Task With_Documents_down_a_search_without_diacritics_answers_from_the_portal_copy_and_says_so()
    {
        using var response = await _visitor.GetAsync("/van-ban?q=PHE+DUYET+ke+hoach+so+25");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var none = WebUtility.HtmlDecode(await _visitor.GetStringAsync("/van-ban?q=quy+hoach+do+thi"));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page, Does.Contain("id=\"tim-du-phong\"").And.Contain(">25/QĐ-UBND<").And.Not.Contain(">24/QĐ-UBND<"));
            Assert.That(page, Does.Contain("Tìm thấy 1 văn bản"));
            Assert.That(none, Does.Contain("Không tìm thấy văn bản phù hợp"));
        });
    }

    [Test]
    public async Task The_document_page_says_when_the_signature_could_not_be_checked()
    {
        var list = await _visitor.GetStringAsync("/van-ban");
        var link = System.Text.RegularExpressions.Regex.Match(list, "href=\"(/van-ban/[0-9a-f-]{36})\">25/QĐ-UBND<").Groups[1].Value;
        using var response = await _visitor.GetAsync(link);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.That(link, Is.Not.Empty);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page, Does.Contain("Chưa kiểm tra được chữ ký số: hệ thống quản lý văn bản đang tạm gián đoạn."));
    }

    [Test]
    public async Task Gazette_issues_are_found_by_number_within_a_year()
    {
        var found = WebUtility.HtmlDecode(await _visitor.GetStringAsync("/cong-bao?nam=2026&so=13"));
        var missing = WebUtility.HtmlDecode(await _visitor.GetStringAsync("/cong-bao?nam=2026&so=15"));

        Assert.That(found, Does.Contain("Số 12 + 13 năm 2026"));
        Assert.That(missing, Does.Contain("Không có số công báo phù hợp.").And.Not.Contain("Số 12 + 13 năm 2026"));
    }

    [Test]
    public async Task Gazette_issues_are_found_by_the_words_of_the_documents_they_carry()
    {
        var list = await _visitor.GetStringAsync("/van-ban");
        var id = Guid.Parse(System.Text.RegularExpressions.Regex.Match(list, "href=\"/van-ban/([0-9a-f-]{36})\">24/QĐ-UBND<").Groups[1].Value);
        await _portal.Broker.PublishAsync(new GazetteIssuePublished(Guid.NewGuid(), 2026, [14], new DateOnly(2026, 11, 21), [id],
            "/api/gazette/public/issues/0196a0a0-0000-7000-8000-000000000003/pdf", DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(() => _visitor.GetStringAsync("/cong-bao?nam=2026"), page => page.Contains("Số 14 năm 2026"), what: "issue 14");

        var found = WebUtility.HtmlDecode(await _visitor.GetStringAsync("/cong-bao?nam=2026&q=ke+hoach+so+24"));

        Assert.That(found, Does.Contain("Số 14 năm 2026").And.Contain("24/QĐ-UBND").And.Not.Contain("Số 12 + 13"));
    }

    [Test]
    public async Task An_unknown_document_is_not_found()
    {
        using var response = await _visitor.GetAsync($"/van-ban/{Guid.NewGuid()}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Gazette_issues_are_listed_by_year_with_their_signed_pdf()
    {
        var latest = WebUtility.HtmlDecode(await _visitor.GetStringAsync("/cong-bao"));
        var earlier = WebUtility.HtmlDecode(await _visitor.GetStringAsync("/cong-bao?nam=2025"));

        Assert.Multiple(() =>
        {
            Assert.That(latest, Does.Contain("Năm 2026").And.Contain("Số 12 + 13 năm 2026").And.Not.Contain("Số 40"));
            Assert.That(latest, Does.Contain("href=\"/api/gazette/public/issues/0196a0a0-0000-7000-8000-000000000002/pdf\""));
            Assert.That(latest, Does.Contain("href=\"/cong-bao?nam=2025\""));
            Assert.That(earlier, Does.Contain("Số 40 năm 2025").And.Not.Contain("Số 12 + 13"));
        });
    }
}
