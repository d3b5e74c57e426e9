using Platform.ServiceDefaults;
using Platform.Gazette.Domain;

namespace Platform.Gazette.Tests;

public sealed class GazetteDeadlineTests
{
    // Tết Bính Ngọ 2026: 14 to 22 February (Saturday to Sunday), as a province might configure it.
    private static readonly DateOnly[] Tet = [.. Enumerable.Range(14, 9).Select(d => new DateOnly(2026, 2, d))];
    private static readonly DateOnly NationalDay = new(2026, 9, 2);
    private readonly WorkingCalendar _calendar = new([.. Tet, NationalDay, new DateOnly(2026, 9, 1)]);

    private GazetteDeadlines Deadlines(int dueSoon = 2) => new(_calendar, new GazetteOptions { DueSoonWorkingDays = dueSoon });

    [Test]
    public void Weekends_and_configured_holidays_are_not_working_days()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_calendar.IsWorkingDay(new DateOnly(2026, 11, 20)), Is.True, "Friday");
            Assert.That(_calendar.IsWorkingDay(new DateOnly(2026, 11, 21)), Is.False, "Saturday");
            Assert.That(_calendar.IsWorkingDay(new DateOnly(2026, 11, 22)), Is.False, "Sunday");
            Assert.That(_calendar.IsWorkingDay(new DateOnly(2026, 2, 16)), Is.False, "Monday in Tết");
            Assert.That(_calendar.IsWorkingDay(NationalDay), Is.False, "Quốc khánh");
        });
    }

    [Test]
    public void A_document_signed_on_a_Friday_must_be_sent_by_the_next_Wednesday()
    {
        Assert.That(Deadlines().SendBy(new DateOnly(2026, 11, 20)), Is.EqualTo(new DateOnly(2026, 11, 25)));
    }

    [Test]
    public void A_document_received_on_a_Thursday_must_be_published_seven_working_days_later_across_the_weekend()
    {
        // Fri 27, Mon 30, Tue 1, Wed 2, Thu 3, Fri 4, Mon 7.
        Assert.That(Deadlines().PublishBy(new DateOnly(2026, 11, 26)), Is.EqualTo(new DateOnly(2026, 12, 7)));
    }

    [Test]
    public void Holidays_push_the_deadline_out()
    {
        // Signed Thursday 12 February: Friday 13, then Tết until Sunday 22, then Monday 23 and Tuesday 24.
        Assert.That(Deadlines().SendBy(new DateOnly(2026, 2, 12)), Is.EqualTo(new DateOnly(2026, 2, 24)));
        // Received Monday 31 August: 1 and 2 September are off; Thursday 3 is the first working day, Friday 11 the seventh.
        Assert.That(Deadlines().PublishBy(new DateOnly(2026, 8, 31)), Is.EqualTo(new DateOnly(2026, 9, 11)));
    }

    [Test]
    public void Working_days_between_count_only_working_days_and_go_negative_backwards()
    {
        Assert.That(_calendar.WorkingDaysBetween(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 23)), Is.EqualTo(1));
        Assert.That(_calendar.WorkingDaysBetween(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 20)), Is.EqualTo(-1));
        Assert.That(_calendar.WorkingDaysBetween(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23)), Is.Zero);
    }

    [TestCase("2026-11-30", DeadlineState.OnTime)]
    [TestCase("2026-12-03", DeadlineState.DueSoon)]
    [TestCase("2026-12-07", DeadlineState.DueSoon)]
    [TestCase("2026-12-08", DeadlineState.Overdue)]
    public void A_deadline_is_due_soon_two_working_days_ahead_and_overdue_the_day_after(string today, DeadlineState expected)
    {
        Assert.That(Deadlines().StateOn(new DateOnly(2026, 12, 7), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));
    }

    [Test]
    public void Due_soon_counts_working_days_so_a_weekend_does_not_hide_it()
    {
        // Friday before a Tuesday deadline: Monday and Tuesday are the two days left.
        Assert.That(Deadlines().StateOn(new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 27)), Is.EqualTo(DeadlineState.DueSoon));
    }
}
