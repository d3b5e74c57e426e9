using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.TestSupport;
using static Platform.Reporting.Apis.DocumentReportsApi;

namespace Platform.Reporting.Tests;

/// <summary>
/// Every test counts in a period of its own, because the fixture's tests share one database.
/// </summary>
[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class DocumentReportsTests(DatabaseKind database)
{
    private ReportingFactory _factory = null!;
    private HttpClient _leader = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new ReportingFactory(database);
        // The consumers listen once the host has started, which the first client does.
        _leader = _factory.ClientFor(TestUser.Leader);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _leader.Dispose();
        _factory.Dispose();
    }

    private static DocumentRegistered Registered(DateTimeOffset at, string type = "Công văn") => new(
        Guid.NewGuid(), at.Year, 1, "Bộ Tài chính", "15/BTC-NSNN", DateOnly.FromDateTime(at.UtcDateTime), type,
        "Về việc hướng dẫn quyết toán ngân sách", Urgency.Normal, Secrecy.None, "VP", at);

    private static DocumentIssued Issued(DateOnly day) => new(
        Guid.NewGuid(), "20/2033/QĐ-UBND", "Quyết định", "Ban hành quy chế làm việc", "Nguyễn Văn A", "Chủ tịch", day,
        Secrecy.None, true, true, ["Sở Tư pháp"], DateTimeOffset.UtcNow);

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 3) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private Task<DocumentCounts> CountsAsync(string from, string to) =>
        _leader.GetFromJsonAsync<DocumentCounts>($"/api/reports/documents?from={from}&to={to}")!;

    private Task<DocumentCounts> CountsOnceHandledAsync(string from, string to, int received, int issued = 0) =>
        Eventually.UntilAsync(() => CountsAsync(from, to), c => c.Received >= received && c.Issued >= issued, what: "counted");

    [Test]
    public async Task Registered_documents_are_counted_by_day_range_and_by_type()
    {
        await _factory.Broker.PublishAsync(Registered(Utc(2031, 5, 10)));
        await _factory.Broker.PublishAsync(Registered(Utc(2031, 5, 10)));
        await _factory.Broker.PublishAsync(Registered(Utc(2031, 5, 12), "Quyết định"));
        await _factory.Broker.PublishAsync(Registered(Utc(2031, 5, 20)));
        await CountsOnceHandledAsync("2031-05-01", "2031-05-31", received: 4);

        var counts = await CountsAsync("2031-05-10", "2031-05-15");

        Assert.Multiple(() =>
        {
            Assert.That(counts.From, Is.EqualTo(new DateOnly(2031, 5, 10)));
            Assert.That(counts.To, Is.EqualTo(new DateOnly(2031, 5, 15)));
            Assert.That(counts.Received, Is.EqualTo(3));
            Assert.That(counts.Issued, Is.Zero);
            Assert.That(counts.ReceivedByType, Is.EquivalentTo(new Dictionary<string, int> { ["Công văn"] = 2, ["Quyết định"] = 1 }));
        });
    }

    [Test]
    public async Task An_event_delivered_twice_counts_once()
    {
        var registered = Registered(Utc(2032, 1, 8));
        var eventId = await _factory.Broker.PublishAsync(registered);
        await _factory.Broker.PublishAsync(registered, eventId);
        // One consumer handles a topic in order: once the next day's event counts, both copies were handled.
        await _factory.Broker.PublishAsync(Registered(Utc(2032, 1, 9)));
        await CountsOnceHandledAsync("2032-01-09", "2032-01-09", received: 1);

        Assert.That((await CountsAsync("2032-01-08", "2032-01-08")).Received, Is.EqualTo(1));
    }

    [Test]
    public async Task Days_are_days_in_Vietnam()
    {
        // 18:00 UTC on the 14th is 01:00 on the 15th in Hà Nội (UTC+7).
        await _factory.Broker.PublishAsync(Registered(Utc(2026, 3, 14, hour: 18)));
        await CountsOnceHandledAsync("2026-03-01", "2026-03-31", received: 1);

        var fifteenth = await CountsAsync("2026-03-15", "2026-03-15");
        var fourteenth = await CountsAsync("2026-03-14", "2026-03-14");
        Assert.That((fifteenth.Received, fourteenth.Received), Is.EqualTo((1, 0)));
    }

    [Test]
    public async Task Issued_documents_are_counted_apart_from_received_ones()
    {
        await _factory.Broker.PublishAsync(Issued(new DateOnly(2033, 7, 1)));
        await _factory.Broker.PublishAsync(Registered(Utc(2033, 7, 1)));

        var counts = await CountsOnceHandledAsync("2033-07-01", "2033-07-01", received: 1, issued: 1);

        Assert.That((counts.Received, counts.Issued), Is.EqualTo((1, 1)));
        Assert.That(counts.ReceivedByType.Keys, Is.EquivalentTo(new[] { "Công văn" }), "issued documents are not received types");
    }

    [Test]
    public async Task A_period_that_ends_before_it_starts_is_a_problem()
    {
        var response = await _leader.GetAsync("/api/reports/documents?from=2026-03-15&to=2026-03-01");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.That(problem!.Errors.Keys, Does.Contain("from"));
    }

    [Test]
    public async Task Reports_are_for_leaders_specialists_and_administrators()
    {
        foreach (var user in new[] { TestUser.Leader, TestUser.Specialist, TestUser.Administrator })
        {
            using var allowed = _factory.ClientFor(user);
            Assert.That((await allowed.GetAsync("/api/reports/documents")).StatusCode, Is.EqualTo(HttpStatusCode.OK), user.Username);
        }
        foreach (var user in new[] { TestUser.Clerk, TestUser.GazetteEditor, TestUser.PortalEditor })
        {
            using var refused = _factory.ClientFor(user);
            Assert.That((await refused.GetAsync("/api/reports/documents")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), user.Username);
        }
        using var anonymous = _factory.ClientFor(null);
        Assert.That((await anonymous.GetAsync("/api/reports/documents")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
