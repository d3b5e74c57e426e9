using Platform.ServiceDefaults;

namespace Platform.ServiceDefaults.Tests;

public sealed class WorkingCalendarTests
{
    // Tết Bính Ngọ 2026 (16–20/2 with the weekends around it), 30/4–1/5 and 1–2/9, as configured.
    private static readonly WorkingCalendar Calendar = new([
        new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 2, 19), new(2026, 2, 20),
        new(2026, 4, 30), new(2026, 5, 1), new(2026, 9, 1), new(2026, 9, 2),
    ]);

    [TestCase("2026-11-21", false, TestName = "Saturday is not a working day")]
    [TestCase("2026-11-22", false, TestName = "Sunday is not a working day")]
    [TestCase("2026-11-23", true, TestName = "Monday is a working day")]
    [TestCase("2026-02-18", false, TestName = "Tet is not a working day")]
    [TestCase("2026-04-30", false, TestName = "Reunification Day is not a working day")]
    [TestCase("2026-09-02", false, TestName = "National Day is not a working day")]
    public void Working_days_skip_weekends_and_holidays(string day, bool working) =>
        Assert.That(Calendar.IsWorkingDay(DateOnly.Parse(day)), Is.EqualTo(working));

    [Test]
    public void Three_working_days_after_a_Thursday_is_the_next_Tuesday() =>
        Assert.That(Calendar.AddWorkingDays(new(2026, 11, 26), 3), Is.EqualTo(new DateOnly(2026, 12, 1)));

    [Test]
    public void Due_soon_before_a_Monday_deadline_starts_the_Wednesday_before() =>
        Assert.That(Calendar.DueSoonFrom(new(2026, 11, 30), 3), Is.EqualTo(new DateOnly(2026, 11, 25)));

    [Test]
    public void Due_soon_counts_back_over_Tet()
    {
        // Deadline Tuesday 24/2/2026: working days before it are 23/2, then Friday 13/2 and Thursday 12/2.
        Assert.That(Calendar.DueSoonFrom(new(2026, 2, 24), 3), Is.EqualTo(new DateOnly(2026, 2, 12)));
        Assert.That(Calendar.WorkingDaysBetween(new(2026, 2, 12), new(2026, 2, 24)), Is.EqualTo(3));
    }

    [Test]
    public void Due_soon_counts_back_over_30_April_and_1_May()
    {
        // Deadline Monday 4/5/2026: Thursday 30/4 and Friday 1/5 are holidays, then the weekend.
        Assert.That(Calendar.DueSoonFrom(new(2026, 5, 4), 3), Is.EqualTo(new DateOnly(2026, 4, 27)));
    }

    [Test]
    public void Due_soon_counts_back_over_National_Day()
    {
        // Deadline Thursday 3/9/2026: 1–2/9 are holidays, so the warning starts Thursday 27/8.
        Assert.That(Calendar.DueSoonFrom(new(2026, 9, 3), 3), Is.EqualTo(new DateOnly(2026, 8, 27)));
    }

    [Test]
    public void A_deadline_on_a_day_off_still_gets_three_working_days_warning() =>
        Assert.That(Calendar.DueSoonFrom(new(2026, 11, 29), 3), Is.EqualTo(new DateOnly(2026, 11, 25)));

    [Test]
    public void Working_days_between_a_day_and_itself_is_zero_and_back_to_an_earlier_day_negative()
    {
        Assert.That(Calendar.WorkingDaysBetween(new(2026, 11, 23), new(2026, 11, 23)), Is.Zero);
        Assert.That(Calendar.WorkingDaysBetween(new(2026, 11, 23), new(2026, 11, 20)), Is.EqualTo(-1));
    }
}
