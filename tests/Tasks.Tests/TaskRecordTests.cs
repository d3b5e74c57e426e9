using Platform.ServiceDefaults;
using Platform.Contracts;
using Platform.ServiceDefaults.Errors;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Tests;

/// <summary>The transition rules, without Orleans.</summary>
public sealed class TaskRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static TaskRecord NewTask(DateOnly? deadline = null) => TaskRecord.Create(new NewTask(
        Guid.NewGuid(), null, null, "Báo cáo tình hình giải ngân vốn đầu tư công", "SKHĐT", ["STC"],
        deadline ?? new DateOnly(2026, 12, 15), "lanhdao", Secrecy.None), Now);

    private static TaskRecord AwaitingConfirmation()
    {
        var task = NewTask();
        task.SubmitCompletion("chuyenvien", "Đã gửi báo cáo", ["baocao.pdf"], Now, Today);
        return task;
    }

    private static DomainRuleException Refused(TestDelegate change) => Assert.Throws<DomainRuleException>(change)!;

    [Test]
    public void A_new_task_is_not_started_and_its_history_says_who_entered_it()
    {
        var task = NewTask();
        Assert.That(task.Status, Is.EqualTo(TaskState.NotStarted));
        Assert.That(task.History.Single().By, Is.EqualTo("lanhdao"));
    }

    [Test]
    public void Reporting_progress_starts_the_task_and_keeps_the_report_with_its_attachments()
    {
        var task = NewTask();
        task.ReportProgress("chuyenvien", 40, "Đã lấy ý kiến các sở", ["congvan.pdf"], Now);
        Assert.That(task.Status, Is.EqualTo(TaskState.InProgress));
        Assert.That(task.Percent, Is.EqualTo(40));
        Assert.That(task.ProgressReports.Single().Attachments, Is.EqualTo(new[] { "congvan.pdf" }));
    }

    [Test]
    public void The_office_confirms_a_completion_and_the_day_the_unit_reported_it_counts()
    {
        var task = AwaitingConfirmation();
        task.ConfirmCompletion("vanthu", null, Now.AddDays(3));
        Assert.That(task.Status, Is.EqualTo(TaskState.Done));
        Assert.That(task.CompletedOn, Is.EqualTo(Today));
    }

    [Test]
    public void A_returned_completion_counts_as_not_done_and_needs_a_reason()
    {
        var task = AwaitingConfirmation();
        Assert.That(Refused(() => task.ReturnCompletion("vanthu", " ", Now)).Code, Is.EqualTo("reason-required"));
        task.ReturnCompletion("vanthu", "Số liệu chưa đầy đủ", Now);
        Assert.That(task.Status, Is.EqualTo(TaskState.Redo));
        Assert.That(task.CompletedOn, Is.Null);
        Assert.That(task.SubmittedOn, Is.Null);
        task.ReportProgress("chuyenvien", 80, "Bổ sung số liệu", [], Now);
        Assert.That(task.Status, Is.EqualTo(TaskState.InProgress));
    }

    [Test]
    public void Nothing_is_confirmed_that_was_not_reported_done()
    {
        var rule = Refused(() => NewTask().ConfirmCompletion("vanthu", null, Now));
        Assert.That(rule.Message, Does.Contain("Chưa thực hiện"));
        Assert.That(rule.StatusCode, Is.EqualTo(409));
    }

    [Test]
    public void A_done_task_takes_no_more_progress_or_completion()
    {
        var task = AwaitingConfirmation();
        task.ConfirmCompletion("vanthu", null, Now);
        Refused(() => task.ReportProgress("chuyenvien", 10, null, [], Now));
        Refused(() => task.SubmitCompletion("chuyenvien", null, [], Now, Today));
        Refused(() => task.Pause("lanhdao", "Tạm dừng", Now));
    }

    [Test]
    public void An_approved_extension_moves_the_deadline_and_keeps_the_old_one()
    {
        var task = NewTask(new(2026, 12, 15));
        task.RequestExtension("chuyenvien", new(2026, 12, 31), "Chờ số liệu của Bộ", Now);
        task.DecideExtension("lanhdao", approve: true, "Đồng ý", Now);
        Assert.That(task.Deadline, Is.EqualTo(new DateOnly(2026, 12, 31)));
        var extension = task.Extensions.Single();
        Assert.That((extension.OldDeadline, extension.NewDeadline, extension.Decision),
            Is.EqualTo((new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 31), ExtensionDecision.Approved)));
    }

    [Test]
    public void A_refused_extension_keeps_the_deadline_and_records_the_reason()
    {
        var task = NewTask(new(2026, 12, 15));
        task.RequestExtension("chuyenvien", new(2026, 12, 31), "Chờ số liệu", Now);
        Refused(() => task.DecideExtension("lanhdao", approve: false, "", Now));
        task.DecideExtension("lanhdao", approve: false, "Nhiệm vụ cấp bách, không gia hạn", Now);
        Assert.That(task.Deadline, Is.EqualTo(new DateOnly(2026, 12, 15)));
        Assert.That(task.Extensions.Single().DecisionReason, Is.EqualTo("Nhiệm vụ cấp bách, không gia hạn"));
    }

    [Test]
    public void Only_a_task_with_a_deadline_can_be_extended()
    {
        var task = TaskRecord.Create(new NewTask(Guid.NewGuid(), null, null, "Theo dõi", "SNV", [], null, "lanhdao", Secrecy.None), Now);
        Assert.That(Refused(() => task.RequestExtension("chuyenvien", new(2027, 1, 1), "Lý do", Now)).Code, Is.EqualTo("no-deadline"));
    }

    [Test]
    public void A_done_or_refused_task_cannot_be_extended()
    {
        var done = AwaitingConfirmation();
        done.ConfirmCompletion("vanthu", null, Now);
        Assert.That(Refused(() => done.RequestExtension("chuyenvien", new(2027, 1, 1), "Lý do", Now)).Code, Is.EqualTo("cannot-extend"));
        var refused = NewTask();
        refused.Refuse("chuyenvien", "Không thuộc chức năng của Sở", Now);
        Assert.That(Refused(() => refused.RequestExtension("chuyenvien", new(2027, 1, 1), "Lý do", Now)).Code, Is.EqualTo("cannot-extend"));
    }

    [Test]
    public void An_extension_must_be_later_and_one_at_a_time()
    {
        var task = NewTask(new(2026, 12, 15));
        Assert.That(Refused(() => task.RequestExtension("chuyenvien", new(2026, 12, 10), "Lý do", Now)).Code, Is.EqualTo("deadline-not-later"));
        task.RequestExtension("chuyenvien", new(2026, 12, 20), "Lý do", Now);
        Assert.That(Refused(() => task.RequestExtension("chuyenvien", new(2026, 12, 25), "Lý do", Now)).Code, Is.EqualTo("extension-pending"));
    }

    [Test]
    public void A_paused_task_resumes_where_it_was()
    {
        var task = NewTask();
        task.ReportProgress("chuyenvien", 20, null, [], Now);
        task.Pause("lanhdao", "Chờ chủ trương của Tỉnh ủy", Now);
        Assert.That(task.Status, Is.EqualTo(TaskState.Paused));
        Refused(() => task.ReportProgress("chuyenvien", 30, null, [], Now));
        task.Resume("lanhdao", null, Now);
        Assert.That(task.Status, Is.EqualTo(TaskState.InProgress));
    }

    [Test]
    public void A_unit_refuses_only_a_task_it_has_not_started()
    {
        var task = NewTask();
        task.ReportProgress("chuyenvien", 10, null, [], Now);
        Refused(() => task.Refuse("chuyenvien", "Không thuộc chức năng", Now));
    }

    [Test]
    public void Deadline_checks_record_due_soon_then_overdue_once_each()
    {
        var task = NewTask(new(2026, 11, 30));
        var calendar = WorkingCalendar.WeekendsOnly;
        Assert.That(task.CheckDeadline(new(2026, 11, 24), calendar, 3, Now), Is.Null, "before the window");
        Assert.That(task.CheckDeadline(new(2026, 11, 25), calendar, 3, Now), Is.EqualTo(TaskAction.BecameDueSoon));
        Assert.That(task.CheckDeadline(new(2026, 11, 25), calendar, 3, Now), Is.Null, "a repeated tick");
        Assert.That(task.CheckDeadline(new(2026, 11, 30), calendar, 3, Now), Is.Null, "still due on the day itself");
        Assert.That(task.CheckDeadline(new(2026, 12, 1), calendar, 3, Now), Is.EqualTo(TaskAction.BecameOverdue));
        Assert.That(task.CheckDeadline(new(2026, 12, 2), calendar, 3, Now), Is.Null);
        Assert.That(task.NextDeadlineDay(calendar, 3), Is.Null, "nothing left to remind");
    }

    [Test]
    public void An_approved_extension_arms_the_reminders_again_for_the_new_deadline()
    {
        var task = NewTask(new(2026, 11, 30));
        var calendar = WorkingCalendar.WeekendsOnly;
        task.CheckDeadline(new(2026, 12, 1), calendar, 3, Now);
        task.RequestExtension("chuyenvien", new(2026, 12, 31), "Lý do", Now);
        task.DecideExtension("lanhdao", true, "Đồng ý", Now);
        Assert.That(task.NextDeadlineDay(calendar, 3), Is.EqualTo(new DateOnly(2026, 12, 28)));
    }

    [TestCase(TaskState.Done, "2026-12-10", ReportCategory.DoneOnTime)]
    [TestCase(TaskState.Done, "2026-12-20", ReportCategory.DoneLate)]
    [TestCase(TaskState.InProgress, null, ReportCategory.InProgressOnTime)]
    [TestCase(TaskState.Paused, null, ReportCategory.InProgressOnTime)]
    [TestCase(TaskState.Refused, null, ReportCategory.NotCounted)]
    public void Report_categories_follow_the_completion_day_and_the_deadline(TaskState status, string? completed, ReportCategory expected) =>
        Assert.That(Deadlines.CategoryOn(status, new(2026, 12, 15), completed is null ? null : DateOnly.Parse(completed), new(2026, 12, 1)), Is.EqualTo(expected));

    [Test]
    public void A_task_past_its_deadline_and_not_done_is_in_progress_overdue() =>
        Assert.That(Deadlines.CategoryOn(TaskState.InProgress, new(2026, 11, 20), null, Today), Is.EqualTo(ReportCategory.InProgressOverdue));

    [TestCase(null, "NoDeadline")]
    [TestCase("2026-11-20", "Overdue")]
    [TestCase("2026-11-25", "DueSoon")]
    [TestCase("2026-12-15", "OnTime")]
    public void Timeliness_on_a_day(string? deadline, string expected)
    {
        DateOnly? due = deadline is null ? null : DateOnly.Parse(deadline);
        var from = due is { } d ? WorkingCalendar.WeekendsOnly.DueSoonFrom(d, 3) : (DateOnly?)null;
        Assert.That(Deadlines.TimelinessOn(TaskState.InProgress, due, from, null, Today).ToString(), Is.EqualTo(expected));
    }
}
