using Platform.ServiceDefaults;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Tasks.Apis;
using Platform.Tasks.Domain;
using Platform.Tasks.Persistence;
using Platform.TestSupport;

namespace Platform.Tasks.Tests;

/// <summary>Every change through the API, the read model behind the list, and the dashboard against the grains.</summary>
[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class TaskWorkflowApiTests(DatabaseKind database)
{
    private TasksFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new TasksFactory(database);

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [SetUp]
    public void ResetClock() => _factory.Clock.SetUtcNow(TaskCluster.Monday);

    private static string NewUnit() => "S" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static TestUser SpecialistOf(string unit) => TestUser.Specialist with { Username = "chuyenvien-" + unit, Unit = unit };

    private async Task<TaskView> CreateAsync(string unit, DateOnly? deadline)
    {
        using var leader = _factory.ClientFor(TestUser.Leader);
        var response = await leader.PostAsJsonAsync("/api/tasks", new { content = "Tham mưu triển khai Nghị quyết của HĐND tỉnh", leadUnit = unit, deadline });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TaskView>())!;
    }

    private static async Task<TaskDetails> OkAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TaskDetails>())!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Test]
    public async Task The_lead_unit_reports_and_the_office_confirms_through_the_api()
    {
        var unit = NewUnit();
        var task = await CreateAsync(unit, new DateOnly(2026, 12, 15));
        using var specialist = _factory.ClientFor(SpecialistOf(unit));
        using var clerk = _factory.ClientFor(TestUser.Clerk);

        var progress = await OkAsync(await specialist.PostAsJsonAsync($"/api/tasks/{task.Id}/progress",
            new { percent = 60, note = "Đã xây dựng dự thảo", attachments = new[] { "du-thao.docx" } }));
        Assert.That(progress.Task.State, Is.EqualTo("InProgress"));
        Assert.That(progress.ProgressReports.Single().Attachments, Is.EqualTo(new[] { "du-thao.docx" }));

        await OkAsync(await specialist.PostAsJsonAsync($"/api/tasks/{task.Id}/completion", new { note = "Đã trình UBND tỉnh" }));
        var returned = await OkAsync(await clerk.PostAsJsonAsync($"/api/tasks/{task.Id}/return", new { reason = "Thiếu phụ lục số liệu" }));
        Assert.That(returned.Task.State, Is.EqualTo("Redo"));
        await OkAsync(await specialist.PostAsJsonAsync($"/api/tasks/{task.Id}/completion", new { note = "Đã bổ sung phụ lục" }));
        var done = await OkAsync(await clerk.PostAsJsonAsync($"/api/tasks/{task.Id}/confirm", new { }));
        Assert.That(done.Task.State, Is.EqualTo("Done"));

        var history = await specialist.GetFromJsonAsync<HistoryView[]>($"/api/tasks/{task.Id}/history");
        Assert.That(history, Is.Not.Null);
        Assert.That(history!.Select(h => h.Action), Is.EqualTo(new[]
        {
            "Created", "ProgressReported", "CompletionSubmitted", "CompletionReturned", "CompletionSubmitted", "CompletionConfirmed",
        }));
        Assert.That(history!.Select(h => h.By).Distinct(), Is.EquivalentTo(new[] { "lanhdao", "chuyenvien-" + unit, "vanthu" }));
        var listed = await specialist.GetFromJsonAsync<TaskView[]>($"/api/tasks?unit={unit}");
        Assert.That(listed!.Single().State, Is.EqualTo("Done"), "the read model follows the grain");
    }

    [Test]
    public async Task An_illegal_change_is_a_Vietnamese_problem()
    {
        var unit = NewUnit();
        var task = await CreateAsync(unit, new DateOnly(2026, 12, 15));
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var problem = await ProblemAsync(await clerk.PostAsJsonAsync($"/api/tasks/{task.Id}/confirm", new { }), HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("Không thể xác nhận hoàn thành khi nhiệm vụ đang ở trạng thái \"Chưa thực hiện\"."));
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("illegal-transition"));
    }

    [Test]
    public async Task Only_the_lead_unit_reports_and_only_the_office_confirms()
    {
        var unit = NewUnit();
        var task = await CreateAsync(unit, new DateOnly(2026, 12, 15));
        using var leader = _factory.ClientFor(TestUser.Leader);
        await ProblemAsync(await leader.PostAsJsonAsync($"/api/tasks/{task.Id}/progress", new { percent = 10 }), HttpStatusCode.Forbidden);
        using var specialist = _factory.ClientFor(SpecialistOf(unit));
        await OkAsync(await specialist.PostAsJsonAsync($"/api/tasks/{task.Id}/completion", new { }));
        await ProblemAsync(await specialist.PostAsJsonAsync($"/api/tasks/{task.Id}/confirm", new { }), HttpStatusCode.Forbidden);
        using var outsider = _factory.ClientFor(SpecialistOf(NewUnit()));
        await ProblemAsync(await outsider.PostAsJsonAsync($"/api/tasks/{task.Id}/progress", new { percent = 10 }), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_unit_asks_for_an_extension_and_a_leader_decides_with_a_reason()
    {
        var unit = NewUnit();
        var task = await CreateAsync(unit, new DateOnly(2026, 12, 15));
        using var specialist = _factory.ClientFor(SpecialistOf(unit));
        using var leader = _factory.ClientFor(TestUser.Leader);
        await OkAsync(await specialist.PostAsJsonAsync($"/api/tasks/{task.Id}/extension", new { newDeadline = "2027-01-15", reason = "Chờ ý kiến thẩm định của Bộ" }));
        await ProblemAsync(await specialist.PostAsJsonAsync($"/api/tasks/{task.Id}/extension/decision", new { approve = true, reason = "Tự duyệt" }), HttpStatusCode.Forbidden);
        var noReason = await ProblemAsync(await leader.PostAsJsonAsync($"/api/tasks/{task.Id}/extension/decision", new { approve = true }), HttpStatusCode.BadRequest);
        Assert.That(noReason.GetProperty("code").GetString(), Is.EqualTo("reason-required"));
        var approved = await OkAsync(await leader.PostAsJsonAsync($"/api/tasks/{task.Id}/extension/decision", new { approve = true, reason = "Đồng ý gia hạn một lần" }));
        Assert.That(approved.Task.Deadline, Is.EqualTo(new DateOnly(2027, 1, 15)));
        Assert.That(approved.Extensions.Single().OldDeadline, Is.EqualTo(new DateOnly(2026, 12, 15)));
        Assert.That(approved.Extensions.Single().Decision, Is.EqualTo("Approved"));
        var listed = await leader.GetFromJsonAsync<TaskView[]>($"/api/tasks?unit={unit}");
        Assert.That(listed!.Single().Deadline, Is.EqualTo(new DateOnly(2027, 1, 15)));
    }

    [Test]
    public async Task A_leader_pauses_and_resumes_and_a_unit_refuses_with_reasons()
    {
        var unit = NewUnit();
        var paused = await CreateAsync(unit, null);
        using var leader = _factory.ClientFor(TestUser.Leader);
        Assert.That((await OkAsync(await leader.PostAsJsonAsync($"/api/tasks/{paused.Id}/pause", new { reason = "Chờ chủ trương" }))).Task.State, Is.EqualTo("Paused"));
        Assert.That((await OkAsync(await leader.PostAsJsonAsync($"/api/tasks/{paused.Id}/resume", new { }))).Task.State, Is.EqualTo("NotStarted"));
        var refused = await CreateAsync(unit, null);
        using var specialist = _factory.ClientFor(SpecialistOf(unit));
        await ProblemAsync(await specialist.PostAsJsonAsync($"/api/tasks/{refused.Id}/refuse", new { }), HttpStatusCode.BadRequest);
        Assert.That((await OkAsync(await specialist.PostAsJsonAsync($"/api/tasks/{refused.Id}/refuse", new { reason = "Không thuộc chức năng, nhiệm vụ của Sở" }))).Task.State, Is.EqualTo("Refused"));
    }

    [Test]
    public async Task The_list_filters_by_status_timeliness_assigner_deadline_and_pages()
    {
        var unit = NewUnit();
        var soon = await CreateAsync(unit, new DateOnly(2026, 11, 25));
        var later = await CreateAsync(unit, new DateOnly(2026, 12, 20));
        var none = await CreateAsync(unit, null);
        using var specialist = _factory.ClientFor(SpecialistOf(unit));
        await OkAsync(await specialist.PostAsJsonAsync($"/api/tasks/{later.Id}/progress", new { percent = 10 }));
        using var leader = _factory.ClientFor(TestUser.Leader);

        async Task<Guid[]> Ids(string query) =>
            (await leader.GetFromJsonAsync<TaskView[]>($"/api/tasks?unit={unit}&{query}"))!.Select(t => t.Id).ToArray();

        Assert.That(await Ids("timeliness=DueSoon"), Is.EqualTo(new[] { soon.Id }));
        Assert.That(await Ids("timeliness=NoDeadline"), Is.EqualTo(new[] { none.Id }));
        Assert.That(await Ids("timeliness=OnTime"), Is.EqualTo(new[] { later.Id }));
        Assert.That(await Ids("status=InProgress"), Is.EqualTo(new[] { later.Id }));
        Assert.That(await Ids("deadlineFrom=2026-12-01&deadlineTo=2026-12-31"), Is.EqualTo(new[] { later.Id }));
        Assert.That(await Ids("assignedBy=lanhdao"), Has.Length.EqualTo(3));
        Assert.That(await Ids("assignedBy=someone-else"), Is.Empty);

        var page = await leader.GetAsync($"/api/tasks?unit={unit}&page=2&pageSize=2");
        Assert.That(page.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo("3"));
        Assert.That((await page.Content.ReadFromJsonAsync<TaskView[]>())!, Has.Length.EqualTo(1));

        _factory.Clock.SetUtcNow(TaskClock.StartOf(new DateOnly(2026, 11, 26)));
        Assert.That(await Ids("timeliness=Overdue"), Is.EqualTo(new[] { soon.Id }), "the same row, read on a later day");
    }

    [Test]
    public async Task A_direction_task_is_found_by_its_source_document()
    {
        using var leader = _factory.ClientFor(TestUser.Leader);
        var document = Guid.NewGuid();
        await _factory.Broker.PublishAsync(new DocumentAssigned(document, "88/UBND-TH", "Về việc phòng chống thiên tai",
            "Giao Sở Nông nghiệp chủ trì", "SNNMT", [], new DateOnly(2026, 12, 31), "lanhdao", Secrecy.None, DateTimeOffset.UtcNow));
        var found = await Eventually.UntilAsync(
            async () => (await leader.GetFromJsonAsync<TaskView[]>($"/api/tasks?sourceDocumentId={document}"))!,
            tasks => tasks.Length == 1, what: "the task from the direction");
        Assert.That(found[0].SourceDocumentNumber, Is.EqualTo("88/UBND-TH"));
    }

    [Test]
    public async Task A_task_becoming_due_soon_is_announced_and_its_reminder_is_sent_once()
    {
        using var capture = new EventCapture(_factory.Broker, Topics.TaskDueSoon);
        var unit = NewUnit();
        var task = await CreateAsync(unit, new DateOnly(2026, 11, 30));
        Assert.That(await _factory.Task(task.Id).NextReminder(), Is.EqualTo(TaskClock.StartOf(new DateOnly(2026, 11, 25))));
        _factory.Clock.SetUtcNow(TaskClock.StartOf(new DateOnly(2026, 11, 25)).AddHours(8));
        await _factory.Task(task.Id).CheckDeadline();
        await _factory.Task(task.Id).CheckDeadline();

        var dueSoon = await capture.NextAsync<TaskDueSoon>(e => e.TaskId == task.Id);
        Assert.That(dueSoon.WorkingDaysLeft, Is.EqualTo(3));
        var sent = await Eventually.UntilAsync(async () =>
        {
            using var scope = _factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
            return await db.Notifications.AsNoTracking().Where(n => n.TaskId == task.Id).ToListAsync();
        }, rows => rows.Count == 1 && rows[0].SentAtUtc != null, what: "one reminder sent");
        Assert.That(sent[0].Recipient, Is.EqualTo(unit));
        Assert.That(sent[0].Text, Does.Contain("sắp đến hạn 30/11/2026"));
    }

    [Test]
    public async Task A_secret_task_is_announced_with_its_level_and_its_reminders_do_not_quote_it()
    {
        using var created = new EventCapture(_factory.Broker, Topics.TaskCreated);
        using var changed = new EventCapture(_factory.Broker, Topics.TaskStatusChanged);
        var unit = NewUnit();
        var direction = "Chỉ đạo rà soát phương án bảo vệ mục tiêu trọng yếu " + unit;
        var assigned = new DocumentAssigned(Guid.NewGuid(), "07/CA-PV01", "Về việc bảo vệ mục tiêu " + unit, direction, unit, [],
            new DateOnly(2026, 11, 30), "lanhdao", Secrecy.Secret, DateTimeOffset.UtcNow);
        await _factory.Broker.PublishAsync(assigned);
        var announced = await created.NextAsync<TaskCreated>(e => e.SourceDocumentId == assigned.DocumentId);
        Assert.That(announced.Secrecy, Is.EqualTo(Secrecy.Secret));

        using (var cleared = _factory.ClientFor(SpecialistOf(unit) with { Clearance = "secret" }))
        {
            await OkAsync(await cleared.PostAsJsonAsync($"/api/tasks/{announced.TaskId}/progress", new { percent = 20, note = "Đã rà soát " + unit }));
        }
        var progress = await changed.NextAsync<TaskStatusChanged>(e => e.TaskId == announced.TaskId);
        Assert.That(progress.Secrecy, Is.EqualTo(Secrecy.Secret), "a status change carries the task's secrecy with its note");

        foreach (var day in new[] { new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 1) })
        {
            _factory.Clock.SetUtcNow(TaskClock.StartOf(day).AddHours(8));
            await _factory.Task(announced.TaskId).CheckDeadline();
        }
        var sent = await Eventually.UntilAsync(async () =>
        {
            using var scope = _factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
            return await db.Notifications.AsNoTracking().Where(n => n.TaskId == announced.TaskId).OrderBy(n => n.CreatedAtUtc).ToListAsync();
        }, rows => rows.Count == 2 && rows.All(r => r.SentAtUtc != null), what: "the due-soon and overdue reminders sent");
        Assert.Multiple(() =>
        {
            Assert.That(sent.Select(n => n.Kind), Is.EqualTo(new[] { "DueSoon", "Overdue" }));
            foreach (var reminder in sent)
            {
                Assert.That(reminder.Text, Does.StartWith($"Nhiệm vụ mật (Tối mật) số {announced.TaskId} "));
                Assert.That(reminder.Text, Does.Not.Contain(unit).And.Not.Contain("07/CA-PV01").And.Not.Contain("mục tiêu"));
            }
        });
    }

    [Test]
    public async Task The_dashboard_matches_the_grains()
    {
        var units = new[] { NewUnit(), NewUnit() };
        var ids = new List<Guid>();
        foreach (var unit in units)
        {
            for (var i = 0; i < 6; i++) ids.Add((await CreateAsync(unit, i == 5 ? null : new DateOnly(2026, 11, 24).AddDays(i * 3))).Id);
        }
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        foreach (var (unit, offset) in units.Select((u, i) => (u, i * 6)))
        {
            using var specialist = _factory.ClientFor(SpecialistOf(unit));
            await OkAsync(await specialist.PostAsJsonAsync($"/api/tasks/{ids[offset + 1]}/completion", new { }));
            await OkAsync(await clerk.PostAsJsonAsync($"/api/tasks/{ids[offset + 1]}/confirm", new { }));
            await OkAsync(await specialist.PostAsJsonAsync($"/api/tasks/{ids[offset + 2]}/progress", new { percent = 30 }));
        }
        // A week on: some deadlines passed; one task is then completed late, one refused.
        _factory.Clock.SetUtcNow(TaskClock.StartOf(new DateOnly(2026, 12, 1)).AddHours(9));
        using (var specialist = _factory.ClientFor(SpecialistOf(units[0])))
        {
            await OkAsync(await specialist.PostAsJsonAsync($"/api/tasks/{ids[0]}/completion", new { }));
            await OkAsync(await clerk.PostAsJsonAsync($"/api/tasks/{ids[0]}/confirm", new { }));
            await OkAsync(await specialist.PostAsJsonAsync($"/api/tasks/{ids[4]}/refuse", new { reason = "Không thuộc chức năng" }));
        }

        using var leader = _factory.ClientFor(TestUser.Leader);
        var today = new DateOnly(2026, 12, 1);
        var calendar = new WorkingCalendar([]);
        foreach (var unit in units)
        {
            var dashboard = await leader.GetFromJsonAsync<DashboardApi.Dashboard>($"/api/tasks/dashboard?unit={unit}");
            var records = new List<TaskRecord>();
            foreach (var id in ids) if ((await _factory.Task(id).Get())! is { } r && r.LeadUnit == unit) records.Add(r);
            var categories = records.Select(r => Deadlines.CategoryOn(r.Status, r.Deadline, r.CompletedOn, today)).ToList();
            var dueSoon = records.Count(r => Deadlines.TimelinessOn(r.Status, r.Deadline,
                r.Deadline is { } d ? calendar.DueSoonFrom(d, 3) : null, r.CompletedOn, today) == Timeliness.DueSoon);
            var expected = new DashboardRow(unit,
                categories.Count(c => c == ReportCategory.DoneOnTime), categories.Count(c => c == ReportCategory.DoneLate),
                categories.Count(c => c == ReportCategory.InProgressOnTime), categories.Count(c => c == ReportCategory.InProgressOverdue), dueSoon);
            Assert.That(dashboard!.Units.Single(), Is.EqualTo(expected), unit);
            Assert.That(dashboard.Province, Is.Null, "a unit filter gives no province line");
        }
        var first = (await leader.GetFromJsonAsync<DashboardApi.Dashboard>($"/api/tasks/dashboard?unit={units[0]}"))!.Units.Single();
        Assert.That((first.DoneOnTime, first.DoneLate, first.InProgressOnTime, first.InProgressOverdue, first.DueSoon), Is.EqualTo((1, 1, 2, 1, 1)));

        var province = await leader.GetFromJsonAsync<DashboardApi.Dashboard>("/api/tasks/dashboard");
        Assert.That(province!.Province!.DoneOnTime, Is.EqualTo(province.Units.Sum(u => u.DoneOnTime)));
        using var specialistOfOne = _factory.ClientFor(SpecialistOf(units[1]));
        var own = await specialistOfOne.GetFromJsonAsync<DashboardApi.Dashboard>("/api/tasks/dashboard");
        Assert.That(own!.Units.Select(u => u.Unit), Is.EqualTo(new[] { units[1] }));
        Assert.That(own.Province, Is.Null);
    }
}
