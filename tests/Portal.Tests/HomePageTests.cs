using System.Net;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.TestSupport;

namespace Platform.Portal.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class HomePageTests(DatabaseKind database)
{
    private PortalFactory _factory = null!;
    private HttpClient _visitor = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new PortalFactory(database);
        // The consumers listen once the host has started, which the first client does.
        _visitor = _factory.ClientFor(null);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _visitor.Dispose();
        _factory.Dispose();
    }

    private static DocumentIssued Issued(string number, string subject, Secrecy secrecy = Secrecy.None, bool isPublic = true) => new(
        Guid.NewGuid(), number, "Quyết định", subject, "Nguyễn Văn A", "Chủ tịch", DateOnly.FromDateTime(DateTime.UtcNow),
        secrecy, isPublic, false, ["Các sở, ban, ngành"], DateTimeOffset.UtcNow);

    private async Task<string> HomePageAsync()
    {
        using var response = await _visitor.GetAsync("/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page as a reader sees it: HTML encoding still writes a few characters (such as '+') as entities.</summary>
    private async Task<string> HomePageTextAsync() => WebUtility.HtmlDecode(await HomePageAsync());

    private Task<string> HomePageShowingAsync(string text, Func<Task<string>>? read = null) =>
        Eventually.UntilAsync(read ?? HomePageAsync, page => page.Contains(text, StringComparison.Ordinal), what: $"showing {text}");

    [Test]
    public async Task An_issued_public_document_appears_on_the_home_page()
    {
        var issued = Issued("101/QĐ-UBND", "Về việc công bố thủ tục hành chính mới ban hành lĩnh vực đất đai");
        await _factory.Broker.PublishAsync(issued);

        var page = await HomePageShowingAsync("101/QĐ-UBND");

        // Vietnamese letters as they are, not as entities: the source is readable and a third of the size.
        Assert.That(page, Does.Contain("Về việc công bố thủ tục hành chính mới ban hành lĩnh vực đất đai"));
        Assert.That(page, Does.Contain("<html lang=\"vi\">"));
    }

    [Test]
    public async Task A_secret_or_non_public_document_never_appears()
    {
        await _factory.Broker.PublishAsync(Issued("7/QĐ-UBND-MAT", "Phương án bảo vệ mục tiêu quan trọng", Secrecy.Confidential));
        await _factory.Broker.PublishAsync(Issued("8/QĐ-UBND-TM", "Kế hoạch phòng thủ khu vực", Secrecy.TopSecret));
        await _factory.Broker.PublishAsync(Issued("9/UBND-NB", "Về việc phân công trực lãnh đạo", isPublic: false));
        // One consumer handles a topic in order: once a later public document shows, the three before it were handled.
        await _factory.Broker.PublishAsync(Issued("102/QĐ-UBND", "Về việc ban hành kế hoạch cải cách hành chính"));

        // Decoded, so that no entity spelling could hide a leaked subject from the check.
        var page = await HomePageShowingAsync("102/QĐ-UBND", HomePageTextAsync);

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Not.Contain("7/QĐ-UBND-MAT").And.Not.Contain("Phương án bảo vệ mục tiêu quan trọng"));
            Assert.That(page, Does.Not.Contain("8/QĐ-UBND-TM").And.Not.Contain("Kế hoạch phòng thủ khu vực"));
            Assert.That(page, Does.Not.Contain("9/UBND-NB").And.Not.Contain("phân công trực lãnh đạo"));
        });
    }

    [Test]
    public async Task A_published_gazette_issue_is_listed_with_its_combined_numbers()
    {
        await _factory.Broker.PublishAsync(new GazetteIssuePublished(
            Guid.NewGuid(), 2026, [12, 13], new DateOnly(2026, 11, 20), [Guid.NewGuid()],
            "/cong-bao/2026/so-12-13.pdf", DateTimeOffset.UtcNow));

        var page = await HomePageShowingAsync("Số 12 + 13", HomePageTextAsync);

        Assert.That(page, Does.Contain("Số 12 + 13 năm 2026").And.Contain("20/11/2026"));
        Assert.That(page, Does.Contain("href=\"/cong-bao/2026/so-12-13.pdf\""));
    }
}
