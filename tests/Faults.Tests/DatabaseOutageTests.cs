using System.Net;
using System.Net.Http.Json;
using Platform.TestSupport;

namespace Platform.Faults.Tests;

/// <summary>The services' PostgreSQL server stopped for a moment (a private one: the shared test server stays up).</summary>
[Order(3)]
public sealed class DatabaseOutageTests
{
    [Test]
    public async Task While_PostgreSQL_is_down_writes_get_a_clear_503_and_none_is_half_written()
    {
        var marker = Marker.New("P");
        HttpContent Registration(int sequence) => JsonContent.Create(new
        {
            issuingBody = "Sở Tài chính",
            numberAndCode = $"{sequence}/{marker}-STC",
            documentDate = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd"),
            documentType = "Công văn",
            subject = $"Về việc thử nghiệm mất cơ sở dữ liệu mã {marker} số {sequence}",
            urgency = "Normal",
            secrecy = "None",
            pageCount = 1,
        });
        var client = FaultyPlatform.Client;
        var before = await client.PostAsync("vanthu", "/api/documents/incoming", () => Registration(1));
        Assert.That(before.Accepted, Is.True, before.Body);

        await FaultyPlatform.Postgres.StopAsync();
        var during = new List<Answer>();
        HttpStatusCode readiness;
        try
        {
            for (var sequence = 2; sequence <= 6; sequence++)
            {
                during.Add(await client.PostOnceAsync("vanthu", "/api/documents/incoming", () => Registration(sequence)));
            }
            using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var ready = await probe.GetAsync(new Uri(FaultyPlatform.Platform.Component("documents").Url, "/health/ready"));
            readiness = ready.StatusCode;
        }
        finally
        {
            await FaultyPlatform.Postgres.StartAsync();
        }

        Assert.That(readiness, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "documents reports not ready without its database");
        Assert.Multiple(() =>
        {
            foreach (var answer in during)
            {
                Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), answer.Body);
                Assert.That(answer.Json.GetProperty("code").GetString(), Is.EqualTo("database-unavailable"), answer.Body);
                Assert.That(answer.Json.GetProperty("title").GetString(), Is.Not.Empty);
            }
        });
        await Eventually.UntilAsync(() => client.GetAsync("lanhdao", "/api/documents/incoming?pageSize=1"), a => a.Accepted,
            TimeSpan.FromSeconds(60), "documents to answer again once PostgreSQL is back");
        Assert.That(await Reconciliation.CountAsync("documents", """SELECT count(*) FROM incoming_documents WHERE "Subject" LIKE @p""", $"%mã {marker} số%"),
            Is.EqualTo(1), "only the registration made before the outage is stored");
        Assert.That(await Reconciliation.CountAsync("documents", """SELECT count(*) FROM outbox_messages WHERE "CloudEventJson" LIKE @p""", $"%{marker}%"),
            Is.EqualTo(1), "and only its event waits in (or left) the outbox");

        var after = await client.PostAsync("vanthu", "/api/documents/incoming", () => Registration(2));
        Assert.That(after.Accepted, Is.True, "a refused registration can simply be sent again: " + after.Body);
    }
}
