using Platform.Contracts;
using Platform.Reporting.Consumers;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Tests;

/// <summary>The indicator rules without a host or a database.</summary>
public sealed class ReportCalculatorTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Of(PeriodKind.Quarter, 2025, 2);
    private static readonly DateOnly AfterQ2 = new(2025, 7, 1);

    private static DateOnly D(int month, int day) => new(2025, month, day);

    private static TaskFact Task(Guid id, DateOnly entered, DateOnly? deadline, string unit = "KT") =>
        new() { EventId = Guid.NewGuid().ToString(), TaskId = id, Day = entered, LeadUnit = unit, Deadline = deadline };

    private static TaskStatusFact Status(Guid id, DateOnly day, TaskState to) =>
        new() { EventId = Guid.NewGuid().ToString(), TaskId = id, To = to, Day = day, ChangedAt = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) };

    private static ReportFigures Calculate(DateOnly today, TaskFact[] tasks, TaskStatusFact[] statuses, TaskAlertFact[]? alerts = null) =>
        ReportCalculator.Calculate(Q2, today, null, new ReportFacts([], [], tasks, statuses, alerts ?? [], [], [], []), 7);

    [Test]
    public void A_task_sent_back_for_redo_after_done_is_not_done()
    {
        var id = Guid.NewGuid();
        var figures = Calculate(AfterQ2, [Task(id, D(4, 1), D(6, 1))], [Status(id, D(5, 1), TaskState.Done), Status(id, D(5, 3), TaskState.Redo)]);
        Assert.That(figures.Tasks.Province, Is.EqualTo(new TaskCategoryRow("province", 1, 0, 0, 0, 1, 0)));
    }

    [Test]
    public void An_extended_deadline_seen_in_a_later_alert_counts()
    {
        var id = Guid.NewGuid();
        TaskAlertFact extended = new() { EventId = "a", TaskId = id, Alert = TaskAlert.DueSoon, Deadline = D(6, 13), Day = D(6, 5) };
        var figures = Calculate(AfterQ2, [Task(id, D(4, 1), D(5, 1))], [Status(id, D(6, 12), TaskState.Done)], [extended]);
        Assert.That(figures.Tasks.Province.DoneOnTime, Is.EqualTo(1));
    }

    [Test]
    public void While_a_period_is_open_figures_are_as_of_today()
    {
        var id = Guid.NewGuid();
        var figures = Calculate(D(5, 10), [Task(id, D(4, 1), D(5, 20))], []);
        Assert.That((figures.AsOf, figures.Tasks.Province.InProgressOnTime, figures.Tasks.Province.InProgressOverdue), Is.EqualTo((D(5, 10), 1, 0)));
    }

    [Test]
    public void A_task_without_a_deadline_is_never_late()
    {
        var open = Guid.NewGuid();
        var done = Guid.NewGuid();
        var figures = Calculate(AfterQ2, [Task(open, D(4, 1), null), Task(done, D(4, 1), null)], [Status(done, D(6, 14), TaskState.Done)]);
        Assert.That(figures.Tasks.Province, Is.EqualTo(new TaskCategoryRow("province", 2, 1, 0, 1, 0, 0)));
    }

    [TestCase("45/UBND-KT", "KT")]
    [TestCase("05/2025/QĐ-UBND", "UBND")]
    [TestCase("17/TB-VP", "VP")]
    [TestCase("12", "12")]
    public void An_issued_document_belongs_to_the_last_group_of_its_code(string code, string unit) =>
        Assert.That(FactProjector.DraftingUnit(code), Is.EqualTo(unit));
}
