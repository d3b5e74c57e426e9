using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Reporting.Rebuild;
using Platform.TestSupport;
using static Platform.Reporting.Tests.ReportEvents;

namespace Platform.Reporting.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class RebuildTests(DatabaseKind database)
{
    private static readonly string[] Queries =
    [
        "period=quarter&year=2023&number=1", "period=quarter&year=2023&number=2", "period=year&year=2023",
        "period=half-year&year=2023&unit=KT", "period=month&year=2023&number=2",
    ];

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Test]
    public async Task Replaying_the_event_log_into_fresh_facts_gives_the_same_figures()
    {
        using var factory = new ReportingFactory(database);
        using var admin = factory.ClientFor(TestUser.Administrator);
        var broker = factory.Broker;
        var document = Guid.NewGuid();
        await broker.PublishTwiceAsync(Registered(document, D(2023, 1, 3), urgency: Urgency.Flash));
        await broker.PublishTwiceAsync(Assigned(document, D(2023, 1, 3), "KT", D(2023, 1, 20)));
        var task = Guid.NewGuid();
        await broker.PublishTwiceAsync(TaskEntered(task, D(2023, 1, 4), "KT", D(2023, 1, 20), document));
        await broker.PublishTwiceAsync(Status(task, D(2023, 1, 25), "KT", TaskState.Done));
        await broker.PublishTwiceAsync(TaskEntered(Guid.NewGuid(), D(2023, 4, 4), "XD", D(2023, 5, 1)));
        var law = Guid.NewGuid();
        await broker.PublishTwiceAsync(Issued(D(2023, 2, 1), "01/2023/NQ-HĐND", "Nghị quyết", legalNormative: true, id: law));
        await broker.PublishTwiceAsync(Gazette(D(2023, 2, 3), law));
        await broker.PublishTwiceAsync(Feedback(D(2023, 5, 5)));
        await Eventually.UntilAsync(() => admin.GetFromJsonAsync<Domain.ReportFigures>("/api/reports/indicators?period=year&year=2023"),
            f => f is { Documents.Received: 1, Documents.Issued: 1, Tasks.Province: { Total: 2, DoneLate: 1 }, Gazette.Published: 1, Feedback.Received: 1, Handling.HandledLate: 1 },
            what: "all events handled");
        var before = await ReadAllAsync(admin);

        var response = await admin.PostAsync("/api/reports/admin/rebuild", null);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<RebuildResult>();

        Assert.That(result, Is.EqualTo(new RebuildResult(8, 0)), "each event once in the log, though delivered twice");
        Assert.That(await ReadAllAsync(admin), Is.EqualTo(before));
    }

    [Test]
    public async Task Only_the_administrator_may_rebuild()
    {
        using var factory = new ReportingFactory(database);
        using var leader = factory.ClientFor(TestUser.Leader);
        Assert.That((await leader.PostAsync("/api/reports/admin/rebuild", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static async Task<string[]> ReadAllAsync(HttpClient client) =>
        await Task.WhenAll(Queries.Select(q => client.GetStringAsync("/api/reports/indicators?" + q)));
}
