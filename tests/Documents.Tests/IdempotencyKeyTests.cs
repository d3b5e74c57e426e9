using System.Net;
using System.Net.Http.Json;
using Platform.Documents.Apis;
using Platform.ServiceDefaults.Idempotency;
using Platform.TestSupport;

namespace Platform.Documents.Tests;

/// <summary>A clerk's client that lost an answer sends the registration again with the same Idempotency-Key.</summary>
[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class IdempotencyKeyTests(DatabaseKind database)
{
    private DocumentsFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new DocumentsFactory(database);

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static HttpRequestMessage Registration(string number, string key) => new(HttpMethod.Post, "/api/documents/incoming")
    {
        Headers = { { IdempotencyMiddleware.Header, key } },
        Content = JsonContent.Create(new
        {
            issuingBody = "Sở Xây dựng",
            numberAndCode = number,
            documentDate = "2026-11-20",
            documentType = "Công văn",
            subject = "Về việc gửi lại khi mất kết nối",
            urgency = "Normal",
            secrecy = "None",
            pageCount = 1,
        }),
    };

    [Test]
    public async Task A_registration_sent_again_with_the_same_key_is_registered_once_and_answered_alike()
    {
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var key = Guid.NewGuid().ToString();
        using var first = await clerk.SendAsync(Registration("301/SXD-QLN", key));
        using var again = await clerk.SendAsync(Registration("301/SXD-QLN", key));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created), await again.Content.ReadAsStringAsync());
        Assert.That(again.Headers.Contains(IdempotencyMiddleware.ReplayedHeader), Is.True);
        var one = await first.Content.ReadFromJsonAsync<IncomingDocumentView>();
        var two = await again.Content.ReadFromJsonAsync<IncomingDocumentView>();
        Assert.That(two!.Id, Is.EqualTo(one!.Id));
        Assert.That(again.Headers.Location, Is.EqualTo(first.Headers.Location));
        var list = await clerk.GetFromJsonAsync<IncomingDocumentView[]>("/api/documents/incoming?pageSize=200");
        Assert.That(list!.Count(d => d.NumberAndCode == "301/SXD-QLN"), Is.EqualTo(1));
    }

    [Test]
    public async Task Twin_requests_with_one_key_at_the_same_time_make_one_document()
    {
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => clerk.SendAsync(Registration("302/SXD-QLN", key))));
        Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        var ids = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<IncomingDocumentView>())!.Id));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_refused_registration_is_not_remembered_so_a_corrected_retry_runs()
    {
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var key = Guid.NewGuid().ToString();
        using var taken = await clerk.SendAsync(Registration("303/SXD-QLN", Guid.NewGuid().ToString()));
        using var duplicate = await clerk.SendAsync(Registration("303/SXD-QLN", key));
        Assert.That(duplicate.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        using var other = await clerk.SendAsync(Registration("304/SXD-QLN", key));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the refusal rolled back with its key");
    }

    [Test]
    public async Task A_key_reused_for_another_request_is_refused_with_a_problem()
    {
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var key = Guid.NewGuid().ToString();
        using var created = await clerk.SendAsync(Registration("305/SXD-QLN", key));
        var id = (await created.Content.ReadFromJsonAsync<IncomingDocumentView>())!.Id;
        using var misuse = new HttpRequestMessage(HttpMethod.Post, $"/api/documents/incoming/{id}/hand-on")
        {
            Headers = { { IdempotencyMiddleware.Header, key } },
            Content = JsonContent.Create(new { to = "KT" }),
        };
        using var answer = await clerk.SendAsync(misuse);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(answer.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
