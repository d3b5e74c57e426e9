using Platform.Contracts;
using Platform.ServiceDefaults.Errors;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Tests;

/// <summary>The task grain in an Orleans test cluster with a fake clock.</summary>
public sealed class TaskGrainTests
{
    private TaskCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task Start() => _cluster = await TaskCluster.StartAsync(holidays: ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]);

    [OneTimeTearDown]
    public async Task Stop() => await _cluster.DisposeAsync();

    [SetUp]
    public void ResetClock() => _cluster.Clock.SetUtcNow(TaskCluster.Monday);

    [Test]
    public async Task A_task_goes_from_entry_to_done_through_its_grain()
    {
        var (id, _) = await _cluster.CreateAsync(new DateOnly(2026, 12, 15));
        var grain = _cluster.Task(id);
        (await grain.ReportProgress("chuyenvien", 50, "Đang tổng hợp", ["bang-tong-hop.xlsx"])).TaskOrThrow();
        (await grain.SubmitCompletion("chuyenvien", "Đã xong", ["baocao.pdf"])).TaskOrThrow();
        (await grain.ReturnCompletion("vanthu", "Thiếu số liệu quý IV")).TaskOrThrow();
        (await grain.SubmitCompletion("chuyenvien", "Đã bổ sung", [])).TaskOrThrow();
        var done = (await grain.ConfirmCompletion("vanthu", null)).TaskOrThrow();
        Assert.That(done.Status, Is.EqualTo(TaskState.Done));
        Assert.That(done.History.Select(h => h.To), Is.EqualTo(new[]
        {
            TaskState.NotStarted, TaskState.InProgress, TaskState.AwaitingConfirmation, TaskState.Redo,
            TaskState.AwaitingConfirmation, TaskState.Done,
        }));
        Assert.That(await grain.HasReminder(), Is.False, "a done task needs no reminder");
    }

    [Test]
    public async Task A_task_handed_to_a_caller_in_the_silo_is_not_changed_by_the_next_change()
    {
        // The API runs in the silo, and reads the task it got back (for the response) while the
        // grain may already be applying the next change: it must hold a copy, not the live record.
        var (id, _) = await _cluster.CreateAsync(new DateOnly(2026, 12, 15));
        var grain = _cluster.InSilo.GetGrain<Grains.ITaskGrain>(id);
        var first = (await grain.ReportProgress("chuyenvien", 20, "Bắt đầu tổng hợp", [])).TaskOrThrow();
        var entries = first.History.Count;
        (await grain.ReportProgress("chuyenvien", 40, "Đã có số liệu hai sở", [])).TaskOrThrow();
        Assert.That(first.Percent, Is.EqualTo(20));
        Assert.That(first.History, Has.Count.EqualTo(entries));
        Assert.That(first.ProgressReports, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_illegal_change_comes_back_as_a_Vietnamese_rule_across_the_grain_call()
    {
        var (id, _) = await _cluster.CreateAsync(new DateOnly(2026, 12, 15));
        var outcome = await _cluster.Task(id).ConfirmCompletion("vanthu", null);
        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(outcome.StatusCode, Is.EqualTo(409));
        var rule = Assert.Throws<DomainRuleException>(() => outcome.TaskOrThrow())!;
        Assert.That(rule.Message, Does.Contain("Không thể xác nhận hoàn thành"));
        Assert.That(rule.Code, Is.EqualTo("illegal-transition"));
        Assert.That((await _cluster.Task(id).Get())!.Status, Is.EqualTo(TaskState.NotStarted), "the refused change left nothing behind");
    }

    [Test]
    public async Task Creating_the_same_task_twice_keeps_the_first()
    {
        var (id, first) = await _cluster.CreateAsync(new DateOnly(2026, 12, 15));
        var again = await _cluster.Task(id).Create(new NewTask(id, null, null, "Khác", "SNV", [], null, "lanhdao", Secrecy.None));
        Assert.That(again.TaskOrThrow().LeadUnit, Is.EqualTo(first.LeadUnit));
        Assert.That(_cluster.Projection.ActionsOf(id).Count(a => a == TaskAction.Created), Is.EqualTo(1));
    }

    [Test]
    public async Task Deadline_reminders_fire_at_the_working_day_boundaries_and_once_each()
    {
        // Deadline Monday 30/11: due soon from Wednesday 25/11, overdue from Tuesday 1/12 (Vietnam days).
        var (id, _) = await _cluster.CreateAsync(new DateOnly(2026, 11, 30));
        var grain = _cluster.Task(id);
        Assert.That(await grain.NextReminder(), Is.EqualTo(TaskClock.StartOf(new DateOnly(2026, 11, 25))));
        Assert.That(await grain.HasReminder(), Is.True);

        _cluster.Clock.SetUtcNow(TaskClock.StartOf(new DateOnly(2026, 11, 25)).AddSeconds(-1));
        await grain.CheckDeadline();
        Assert.That(_cluster.Projection.ActionsOf(id), Does.Not.Contain(TaskAction.BecameDueSoon), "one second early");

        _cluster.Clock.SetUtcNow(TaskClock.StartOf(new DateOnly(2026, 11, 25)));
        await grain.CheckDeadline();
        await grain.CheckDeadline();
        Assert.That(_cluster.Projection.ActionsOf(id).Count(a => a == TaskAction.BecameDueSoon), Is.EqualTo(1));
        Assert.That(await grain.NextReminder(), Is.EqualTo(TaskClock.StartOf(new DateOnly(2026, 12, 1))));

        _cluster.Clock.SetUtcNow(TaskClock.StartOf(new DateOnly(2026, 12, 1)).AddHours(3));
        await grain.CheckDeadline();
        await grain.CheckDeadline();
        Assert.That(_cluster.Projection.ActionsOf(id).Count(a => a == TaskAction.BecameOverdue), Is.EqualTo(1));
        Assert.That(await grain.NextReminder(), Is.Null);
        Assert.That(await grain.HasReminder(), Is.False);
    }

    [Test]
    public async Task The_due_soon_reminder_is_set_before_Tet_for_a_deadline_after_it()
    {
        _cluster.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 2, 0, 0, TimeSpan.Zero));
        var (id, _) = await _cluster.CreateAsync(new DateOnly(2026, 2, 24));
        Assert.That(await _cluster.Task(id).NextReminder(), Is.EqualTo(TaskClock.StartOf(new DateOnly(2026, 2, 12))));
    }

    [Test]
    public async Task A_task_entered_inside_the_window_is_due_soon_at_once()
    {
        var (id, record) = await _cluster.CreateAsync(new DateOnly(2026, 11, 25));
        Assert.That(record.DueSoonNotifiedFor, Is.EqualTo(new DateOnly(2026, 11, 25)));
        Assert.That(_cluster.Projection.ActionsOf(id), Does.Contain(TaskAction.BecameDueSoon));
    }

    [Test]
    public async Task An_approved_extension_moves_the_reminder()
    {
        var (id, _) = await _cluster.CreateAsync(new DateOnly(2026, 11, 30));
        var grain = _cluster.Task(id);
        (await grain.RequestExtension("chuyenvien", new DateOnly(2026, 12, 31), "Chờ ý kiến của Bộ")).TaskOrThrow();
        Assert.That(await grain.NextReminder(), Is.EqualTo(TaskClock.StartOf(new DateOnly(2026, 11, 25))), "not until approved");
        (await grain.DecideExtension("lanhdao", true, "Đồng ý gia hạn")).TaskOrThrow();
        Assert.That(await grain.NextReminder(), Is.EqualTo(TaskClock.StartOf(new DateOnly(2026, 12, 28))));
    }

    [Test]
    public async Task The_Orleans_reminder_itself_wakes_the_task()
    {
        var boundary = TaskClock.StartOf(new DateOnly(2026, 11, 25));
        _cluster.Clock.SetUtcNow(boundary.AddSeconds(-2));
        var (id, _) = await _cluster.CreateAsync(new DateOnly(2026, 11, 30));
        // The reminder is due in two real seconds; by then the task's clock has passed the boundary.
        _cluster.Clock.SetUtcNow(boundary.AddMinutes(1));
        await Platform.TestSupport.Eventually.UntilAsync(
            () => Task.FromResult(_cluster.Projection.ActionsOf(id)), actions => actions.Contains(TaskAction.BecameDueSoon),
            TimeSpan.FromSeconds(30), "the reminder to mark the task due soon");
    }
}
