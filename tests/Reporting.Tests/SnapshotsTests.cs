using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.Pkcs;
using Platform.Reporting.Apis;
using Platform.Reporting.Snapshots;
using Platform.TestSupport;
using static Platform.Reporting.Tests.ReportEvents;

namespace Platform.Reporting.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class SnapshotsTests(DatabaseKind database)
{
    private ReportingFactory _factory = null!;
    private HttpClient _leader = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new ReportingFactory(database);
        _leader = _factory.ClientFor(TestUser.Leader);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _leader.Dispose();
        _factory.Dispose();
    }

    private Task<HttpResponseMessage> GenerateAsync(string query) => _leader.PostAsync("/api/reports/snapshots?" + query, null);

    [Test]
    public async Task A_closed_period_is_signed_once_and_later_changes_show_as_differences()
    {
        await _factory.Broker.PublishTwiceAsync(Registered(Guid.NewGuid(), new DateOnly(2018, 2, 1)));
        await Eventually.UntilAsync(() => _leader.GetFromJsonAsync<Domain.ReportFigures>("/api/reports/indicators?period=quarter&year=2018&number=1"),
            f => f!.Documents.Received == 1, what: "counted");

        var first = await GenerateAsync("period=quarter&year=2018&number=1");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var signed = (await first.Content.ReadFromJsonAsync<SnapshotOutcome>())!;
        Assert.That((signed.Created, signed.Signed.Documents.Received, signed.Differences), Is.EqualTo((true, 1, Array.Empty<FigureDifference>())));

        // The signature proves the downloaded figures, with nothing but the content and the .p7s file.
        var content = await _leader.GetByteArrayAsync($"/api/reports/snapshots/{signed.Snapshot.Id}/content");
        var signature = await _leader.GetByteArrayAsync($"/api/reports/snapshots/{signed.Snapshot.Id}/signature");
        var saved = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"snapshot-{database}");
        await File.WriteAllBytesAsync(saved + ".json", content);
        await File.WriteAllBytesAsync(saved + ".p7s", signature);
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.Decode(signature);
        Assert.DoesNotThrow(() => cms.CheckSignature(verifySignatureOnly: true));
        Assert.That(cms.SignerInfos[0].Certificate!.Subject, Does.Contain("(development)"), "the office certificate, made for development");
        content[^2] ^= 1;
        var tampered = new SignedCms(new ContentInfo(content), detached: true);
        tampered.Decode(signature);
        Assert.That(() => tampered.CheckSignature(verifySignatureOnly: true), Throws.InstanceOf<System.Security.Cryptography.CryptographicException>());

        var again = await GenerateAsync("period=quarter&year=2018&number=1");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await again.Content.ReadFromJsonAsync<SnapshotOutcome>())!.Differences, Is.Empty);

        // A document of the closed quarter registered late changes today's figures, not the signed ones.
        await _factory.Broker.PublishTwiceAsync(Registered(Guid.NewGuid(), new DateOnly(2018, 3, 1), "Quyết định"));
        await Eventually.UntilAsync(() => _leader.GetFromJsonAsync<Domain.ReportFigures>("/api/reports/indicators?period=quarter&year=2018&number=1"),
            f => f!.Documents.Received == 2, what: "counted");
        var changed = (await (await GenerateAsync("period=quarter&year=2018&number=1")).Content.ReadFromJsonAsync<SnapshotOutcome>())!;

        Assert.Multiple(() =>
        {
            Assert.That(changed.Created, Is.False);
            Assert.That(changed.Snapshot.Sha256, Is.EqualTo(signed.Snapshot.Sha256), "the signed snapshot is not replaced");
            Assert.That(changed.Signed.Documents.Received, Is.EqualTo(1));
            Assert.That(changed.Differences, Does.Contain(new FigureDifference("documents.received", "1", "2")));
            Assert.That(changed.Differences, Does.Contain(new FigureDifference("documents.receivedByType[Quyết định].count", null, "1")));
        });
        var verification = await _leader.GetFromJsonAsync<SnapshotsApi.Verification>($"/api/reports/snapshots/{signed.Snapshot.Id}/verify");
        Assert.That(verification!.Valid, Is.True);
    }

    [Test]
    public async Task A_period_still_open_cannot_be_signed()
    {
        var response = await GenerateAsync("period=year&year=2099");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_unit_signs_its_own_report_and_cannot_read_the_province_one()
    {
        var province = (await (await GenerateAsync("period=month&year=2017&number=5")).Content.ReadFromJsonAsync<SnapshotOutcome>())!;
        using var specialist = _factory.ClientFor(TestUser.Specialist);
        Assert.That((await specialist.GetAsync($"/api/reports/snapshots/{province.Snapshot.Id}/content")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var own = await specialist.PostAsync("/api/reports/snapshots?period=month&year=2017&number=5", null);
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await own.Content.ReadFromJsonAsync<SnapshotOutcome>())!.Snapshot.Scope, Is.EqualTo("KT"));
    }
}
