using Platform.Reporting.Domain;

namespace Platform.Reporting.Tests;

public sealed class ReportingPeriodTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Test]
    public void A_month_runs_from_the_15th_of_the_previous_month_to_the_14th()
    {
        var march = ReportingPeriod.Of(PeriodKind.Month, 2026, 3);
        Assert.That((march.Start, march.End), Is.EqualTo((D(2026, 2, 15), D(2026, 3, 14))));
    }

    [Test]
    public void January_starts_on_15_December_of_the_previous_year()
    {
        var january = ReportingPeriod.Of(PeriodKind.Month, 2026, 1);
        Assert.That((january.Start, january.End), Is.EqualTo((D(2025, 12, 15), D(2026, 1, 14))));
    }

    [TestCase(1, 2025, 12, 15, 2026, 3, 14)]
    [TestCase(2, 2026, 3, 15, 2026, 6, 14)]
    [TestCase(3, 2026, 6, 15, 2026, 9, 14)]
    [TestCase(4, 2026, 9, 15, 2026, 12, 14)]
    public void A_quarter_runs_from_the_15th_of_the_month_before_it_to_the_14th_of_its_last_month(
        int quarter, int sy, int sm, int sd, int ey, int em, int ed)
    {
        var period = ReportingPeriod.Of(PeriodKind.Quarter, 2026, quarter);
        Assert.That((period.Start, period.End), Is.EqualTo((D(sy, sm, sd), D(ey, em, ed))));
    }

    [TestCase(PeriodKind.HalfYear, 6)]
    [TestCase(PeriodKind.NineMonths, 9)]
    [TestCase(PeriodKind.Year, 12)]
    public void Six_nine_and_twelve_months_run_from_15_December_of_the_previous_year(PeriodKind kind, int lastMonth)
    {
        var period = ReportingPeriod.Of(kind, 2026);
        Assert.That((period.Start, period.End), Is.EqualTo((D(2025, 12, 15), D(2026, lastMonth, 14))));
    }

    [Test]
    public void The_14th_is_in_the_period_and_the_15th_is_the_next_one()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportingPeriod.Containing(PeriodKind.Month, D(2026, 3, 14)).Key, Is.EqualTo("2026-M03"));
            Assert.That(ReportingPeriod.Containing(PeriodKind.Month, D(2026, 3, 15)).Key, Is.EqualTo("2026-M04"));
            Assert.That(ReportingPeriod.Containing(PeriodKind.Quarter, D(2026, 3, 14)).Key, Is.EqualTo("2026-Q1"));
            Assert.That(ReportingPeriod.Containing(PeriodKind.Quarter, D(2026, 3, 15)).Key, Is.EqualTo("2026-Q2"));
            Assert.That(ReportingPeriod.Containing(PeriodKind.Year, D(2026, 12, 14)).Key, Is.EqualTo("2026-Y"));
            Assert.That(ReportingPeriod.Containing(PeriodKind.Year, D(2026, 12, 15)).Key, Is.EqualTo("2027-Y"));
            Assert.That(ReportingPeriod.Containing(PeriodKind.Month, D(2026, 12, 15)).Key, Is.EqualTo("2027-M01"));
            Assert.That(ReportingPeriod.Containing(PeriodKind.Quarter, D(2026, 12, 31)).Key, Is.EqualTo("2027-Q1"));
            Assert.That(ReportingPeriod.Containing(PeriodKind.HalfYear, D(2025, 12, 15)).Key, Is.EqualTo("2026-H1"));
        });
    }

    [Test]
    public void A_day_after_14_June_has_no_6_month_period_that_year()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Containing(PeriodKind.HalfYear, D(2026, 6, 15)));
        Assert.That(ReportingPeriod.Containing(PeriodKind.NineMonths, D(2026, 9, 14)).End, Is.EqualTo(D(2026, 9, 14)));
    }

    [Test]
    public void Every_day_of_a_year_falls_in_exactly_one_month_and_one_quarter()
    {
        for (var day = D(2027, 12, 15); day <= D(2028, 12, 14); day = day.AddDays(1))
        {
            var months = Enumerable.Range(1, 12).Count(m => ReportingPeriod.Of(PeriodKind.Month, 2028, m).Contains(day));
            var quarters = Enumerable.Range(1, 4).Count(q => ReportingPeriod.Of(PeriodKind.Quarter, 2028, q).Contains(day));
            Assert.That((months, quarters), Is.EqualTo((1, 1)), day.ToString("O"));
        }
    }

    [Test]
    public void Out_of_range_numbers_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Of(PeriodKind.Month, 2026, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Of(PeriodKind.Quarter, 2026, 0));
    }

    [Test]
    public void A_period_is_closed_the_day_after_its_cut_off()
    {
        var quarter = ReportingPeriod.Of(PeriodKind.Quarter, 2026, 1);
        Assert.That((quarter.IsClosedOn(D(2026, 3, 14)), quarter.IsClosedOn(D(2026, 3, 15))), Is.EqualTo((false, true)));
        Assert.That(quarter.Title, Is.EqualTo("Quý I năm 2026"));
    }
}
