using Platform.Contracts;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Tests;

public sealed class TaskTimelinessTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static TrackedTask Task(int? daysToDeadline, TaskState state = TaskState.InProgress) => new()
    {
        Id = Guid.NewGuid(),
        Content = "Tham mưu báo cáo tình hình kinh tế - xã hội",
        LeadUnit = "SKHĐT",
        AssignedBy = "lanhdao",
        Deadline = daysToDeadline is { } days ? Today.AddDays(days) : null,
        State = state,
    };

    [Test]
    public void A_task_without_a_deadline_has_no_deadline() =>
        Assert.That(Task(null).TimelinessOn(Today), Is.EqualTo(Timeliness.NoDeadline));

    [TestCase(-1)]
    [TestCase(-30)]
    public void A_task_past_its_deadline_is_overdue(int daysToDeadline) =>
        Assert.That(Task(daysToDeadline).TimelinessOn(Today), Is.EqualTo(Timeliness.Overdue));

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    public void A_task_due_within_three_days_is_due_soon(int daysToDeadline) =>
        Assert.That(Task(daysToDeadline).TimelinessOn(Today), Is.EqualTo(Timeliness.DueSoon));

    [TestCase(4)]
    [TestCase(60)]
    public void A_task_due_later_is_on_time(int daysToDeadline) =>
        Assert.That(Task(daysToDeadline).TimelinessOn(Today), Is.EqualTo(Timeliness.OnTime));

    [Test]
    public void The_due_soon_window_can_be_widened() =>
        Assert.That(Task(5).TimelinessOn(Today, dueSoonDays: 7), Is.EqualTo(Timeliness.DueSoon));

    [TestCase(-10)]
    [TestCase(1)]
    public void A_done_task_is_never_overdue_or_due_soon(int daysToDeadline) =>
        Assert.That(Task(daysToDeadline, TaskState.Done).TimelinessOn(Today), Is.EqualTo(Timeliness.OnTime));

    [Test]
    public void A_done_task_without_a_deadline_still_has_no_deadline() =>
        Assert.That(Task(null, TaskState.Done).TimelinessOn(Today), Is.EqualTo(Timeliness.NoDeadline));
}
