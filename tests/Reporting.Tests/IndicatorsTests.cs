using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Reporting.Domain;
using Platform.TestSupport;
using static Platform.Reporting.Tests.ReportEvents;

namespace Platform.Reporting.Tests;

/// <summary>Each test reports on a past period of its own, because the fixture's tests share one database.</summary>
[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class IndicatorsTests(DatabaseKind database)
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

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Task<ReportFigures> FiguresAsync(HttpClient client, string query) =>
        client.GetFromJsonAsync<ReportFigures>("/api/reports/indicators?" + query)!;

    [Test]
    public async Task Tasks_fall_into_the_four_categories_as_of_the_cut_off_per_unit_and_province()
    {
        var broker = _factory.Broker;
        Guid onTime = Guid.NewGuid(), late = Guid.NewGuid(), dueSoon = Guid.NewGuid(), overdue = Guid.NewGuid(), doneAfterCutOff = Guid.NewGuid();
        await broker.PublishTwiceAsync(TaskEntered(onTime, D(2021, 1, 5), "KT", D(2021, 2, 10)));
        await broker.PublishTwiceAsync(TaskEntered(late, D(2021, 1, 5), "KT", D(2021, 2, 10)));
        await broker.PublishTwiceAsync(TaskEntered(dueSoon, D(2021, 2, 1), "KT", D(2021, 3, 14)));
        await broker.PublishTwiceAsync(TaskEntered(overdue, D(2020, 12, 15), "XD", D(2021, 3, 1)));
        await broker.PublishTwiceAsync(TaskEntered(doneAfterCutOff, D(2021, 3, 14), "XD", null));
        await broker.PublishTwiceAsync(TaskEntered(Guid.NewGuid(), D(2021, 3, 15), "XD", null));
        await broker.PublishTwiceAsync(Status(onTime, D(2021, 2, 5), "KT", TaskState.Done));
        await broker.PublishTwiceAsync(Status(late, D(2021, 2, 20), "KT", TaskState.Done));
        await broker.PublishTwiceAsync(Status(overdue, D(2021, 2, 1), "XD", TaskState.InProgress));
        await broker.PublishTwiceAsync(Status(doneAfterCutOff, D(2021, 3, 20), "XD", TaskState.Done));
        await broker.PublishTwiceAsync(new TaskDueSoon(dueSoon, "KT", D(2021, 3, 14), 2, At(D(2021, 3, 10))));
        await broker.PublishTwiceAsync(new TaskOverdue(overdue, "XD", D(2021, 3, 1), At(D(2021, 3, 2))));

        var figures = await Eventually.UntilAsync(() => FiguresAsync(_leader, "period=quarter&year=2021&number=1"),
            f => f.Tasks.Province is { Total: 5, DoneOnTime: 1, DoneLate: 1, DueSoon: 1 }, what: "all task events handled");

        Assert.Multiple(() =>
        {
            Assert.That((figures.Start, figures.End, figures.AsOf), Is.EqualTo((D(2020, 12, 15), D(2021, 3, 14), D(2021, 3, 14))));
            Assert.That(figures.Tasks.Province, Is.EqualTo(new TaskCategoryRow("province", 5, 1, 1, 2, 1, 1)));
            Assert.That(figures.Tasks.ByUnit, Is.EqualTo(new[]
            {
                new TaskCategoryRow("KT", 3, 1, 1, 1, 0, 1),
                new TaskCategoryRow("XD", 2, 0, 0, 1, 1, 0),
            }));
        });
    }

    [Test]
    public async Task Documents_count_by_unit_type_and_urgency_and_their_handling_on_time()
    {
        var broker = _factory.Broker;
        Guid d1 = Guid.NewGuid(), d2 = Guid.NewGuid(), d3 = Guid.NewGuid();
        await broker.PublishTwiceAsync(Registered(d1, D(2022, 4, 1), urgency: Urgency.Urgent));
        await broker.PublishTwiceAsync(Registered(d2, D(2022, 4, 2), "Quyết định"));
        await broker.PublishTwiceAsync(Registered(d3, D(2022, 5, 1)));
        await broker.PublishTwiceAsync(Registered(Guid.NewGuid(), D(2022, 6, 15)));
        await broker.PublishTwiceAsync(Assigned(d1, D(2022, 4, 1), "KT", D(2022, 4, 20)));
        await broker.PublishTwiceAsync(Assigned(d2, D(2022, 4, 2), "KT", D(2022, 4, 10)));
        await broker.PublishTwiceAsync(Assigned(d3, D(2022, 5, 1), "XD", D(2022, 5, 10)));
        Guid t1 = Guid.NewGuid(), t2 = Guid.NewGuid(), t3 = Guid.NewGuid();
        await broker.PublishTwiceAsync(TaskEntered(t1, D(2022, 4, 1), "KT", D(2022, 4, 20), d1));
        await broker.PublishTwiceAsync(TaskEntered(t2, D(2022, 4, 2), "KT", D(2022, 4, 10), d2));
        await broker.PublishTwiceAsync(TaskEntered(t3, D(2022, 5, 1), "XD", D(2022, 5, 10), d3));
        await broker.PublishTwiceAsync(Status(t1, D(2022, 4, 18), "KT", TaskState.Done));
        await broker.PublishTwiceAsync(Status(t2, D(2022, 4, 15), "KT", TaskState.Done));
        Guid lateLaw = Guid.NewGuid(), law = Guid.NewGuid();
        await broker.PublishTwiceAsync(Issued(D(2022, 5, 5), "45/UBND-KT"));
        await broker.PublishTwiceAsync(Issued(D(2022, 5, 6), "05/2022/QĐ-UBND", "Quyết định", legalNormative: true, id: lateLaw));
        await broker.PublishTwiceAsync(Issued(D(2022, 5, 10), "06/2022/QĐ-UBND", "Quyết định", legalNormative: true, id: law));
        await broker.PublishTwiceAsync(Gazette(D(2022, 5, 20), lateLaw));
        await broker.PublishTwiceAsync(Gazette(D(2022, 5, 12), law));
        await broker.PublishTwiceAsync(Feedback(D(2022, 3, 15)));
        await broker.PublishTwiceAsync(Feedback(D(2022, 6, 14)));

        var figures = await Eventually.UntilAsync(() => FiguresAsync(_leader, "period=quarter&year=2022&number=2"),
            f => f is { Documents: { Received: 3, Issued: 3 }, Handling.HandledLate: 1, Handling.HandledOnTime: 1, Gazette.Published: 2, Feedback.Received: 2 }
                && f.Documents.ReceivedByUnit.Any(r => r.Key == "XD"),
            what: "all document events handled");

        Assert.Multiple(() =>
        {
            Assert.That(figures.Documents.ReceivedByUnit, Is.EqualTo(new[] { new CountRow("KT", 2), new CountRow("XD", 1) }));
            Assert.That(figures.Documents.ReceivedByType, Is.EqualTo(new[] { new CountRow("Công văn", 2), new CountRow("Quyết định", 1) }));
            Assert.That(figures.Documents.ReceivedByUrgency, Is.EqualTo(new[] { new CountRow("Normal", 2), new CountRow("Urgent", 1) }));
            Assert.That(figures.Documents.IssuedByUnit, Is.EqualTo(new[] { new CountRow("KT", 1), new CountRow("UBND", 2) }));
            Assert.That(figures.Handling, Is.EqualTo(new HandlingFigures(3, 1, 1, 0, 1, 33.33m)));
            Assert.That(figures.Gazette, Is.EqualTo(new GazetteFigures(2, 2, 1, 7)));
            Assert.That(figures.Feedback, Is.EqualTo(new FeedbackFigures(2, null, null)));
            Assert.That(figures.Pending, Is.Not.Empty, "figures that wait for other services are named");
        });

        using var specialist = _factory.ClientFor(TestUser.Specialist);
        var own = await FiguresAsync(specialist, "period=quarter&year=2022&number=2");
        Assert.Multiple(() =>
        {
            Assert.That(own.Scope, Is.EqualTo("KT"));
            Assert.That((own.Documents.Received, own.Documents.Issued), Is.EqualTo((2, 1)));
            Assert.That(own.Handling, Is.EqualTo(new HandlingFigures(2, 1, 1, 0, 0, 50m)));
            Assert.That(own.Tasks.ByUnit.Select(r => r.Unit), Is.EqualTo(new[] { "KT" }));
            Assert.That(own.Gazette, Is.Null, "the gazette and feedback are province figures");
        });
    }

    [Test]
    public async Task A_unit_sees_only_its_own_figures_and_leaders_may_pick_a_unit()
    {
        using var specialist = _factory.ClientFor(TestUser.Specialist);
        var other = await specialist.GetAsync("/api/reports/indicators?period=year&year=2020&unit=XD");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await specialist.GetAsync("/api/reports/indicators?period=year&year=2020&unit=KT")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await FiguresAsync(_leader, "period=year&year=2020&unit=XD")).Scope, Is.EqualTo("XD"));
        using var admin = _factory.ClientFor(TestUser.Administrator);
        Assert.That((await FiguresAsync(admin, "period=month&year=2020&number=1")).Scope, Is.EqualTo("province"));
    }

    [Test]
    public async Task A_period_that_does_not_exist_is_a_problem()
    {
        var response = await _leader.GetAsync("/api/reports/indicators?period=month&year=2026&number=13");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var unknown = await _leader.GetAsync("/api/reports/indicators?period=fortnight&year=2026");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task The_periods_of_a_year_carry_their_cut_off_dates()
    {
        var periods = await _leader.GetFromJsonAsync<List<Apis.IndicatorsApi.PeriodInfo>>("/api/reports/periods?year=2024");
        Assert.That(periods!.Select(p => p.Key), Does.Contain("2024-Q1").And.Contain("2024-9M"));
        Assert.That(periods!.Single(p => p.Key == "2024-M01").Start, Is.EqualTo(D(2023, 12, 15)));
        Assert.That((await _leader.GetAsync("/api/reports/periods?year=0")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
