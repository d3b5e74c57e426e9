namespace Platform.Reporting.Domain;

/// <summary>The five kinds of periodic report (báo cáo định kỳ) of Nghị định 09/2019/NĐ-CP.</summary>
public enum PeriodKind
{
    /// <summary>Báo cáo tháng; number 1..12.</summary>
    Month,
    /// <summary>Báo cáo quý; number 1..4.</summary>
    Quarter,
    /// <summary>Báo cáo 6 tháng.</summary>
    HalfYear,
    /// <summary>Báo cáo 9 tháng.</summary>
    NineMonths,
    /// <summary>Báo cáo năm.</summary>
    Year,
}

/// <summary>
/// A reporting period with its data cut-off (ngày chốt số liệu): figures run from the 15th
/// of one month to the 14th of another, both days included, so December's second half
/// already belongs to the next year's reports.
/// </summary>
public sealed record ReportingPeriod(PeriodKind Kind, int Year, int Number, DateOnly Start, DateOnly End)
{
    /// <summary>Day of the month the decree cuts on: the 14th closes a period, the 15th opens the next.</summary>
    public const int CutOffDay = 14;

    public static ReportingPeriod Of(PeriodKind kind, int year, int number = 1)
    {
        if (year is < 1900 or > 9998) throw new ArgumentOutOfRangeException(nameof(year), year, "Năm không hợp lệ.");
        var (first, last) = kind switch
        {
            PeriodKind.Month => Check(number, 12, number, number),
            PeriodKind.Quarter => Check(number, 4, number * 3 - 2, number * 3),
            PeriodKind.HalfYear => Check(number, 1, 1, 6),
            PeriodKind.NineMonths => Check(number, 1, 1, 9),
            PeriodKind.Year => Check(number, 1, 1, 12),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var start = new DateOnly(year, first, CutOffDay + 1).AddMonths(-1);
        var end = new DateOnly(year, last, CutOffDay);
        return new ReportingPeriod(kind, year, kind is PeriodKind.Month or PeriodKind.Quarter ? number : 1, start, end);
    }

    /// <summary>The period of the given kind that holds the day (a day after the 14th of December is next year's).</summary>
    public static ReportingPeriod Containing(PeriodKind kind, DateOnly day)
    {
        // Shifting by the cut-off turns "15th of month m .. 14th of month m+1" into calendar month m+1.
        var shifted = day.Day > CutOffDay ? day.AddMonths(1) : day;
        var candidate = kind switch
        {
            PeriodKind.Month => Of(kind, shifted.Year, shifted.Month),
            PeriodKind.Quarter => Of(kind, shifted.Year, (shifted.Month + 2) / 3),
            _ => Of(kind, shifted.Year),
        };
        // 6- and 9-month periods do not cover the whole year; a day past their end has none this year.
        return candidate.Contains(day)
            ? candidate
            : throw new ArgumentOutOfRangeException(nameof(day), day, $"Ngày {day:dd/MM/yyyy} không thuộc kỳ {kind} nào.");
    }

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>Closed once its last day is over in Vietnam: its figures may then be sent upward and signed.</summary>
    public bool IsClosedOn(DateOnly today) => today > End;

    /// <summary>A stable key such as 2026-Q1, 2026-M03, 2026-H1, 2026-9M, 2026-Y.</summary>
    public string Key => Kind switch
    {
        PeriodKind.Month => $"{Year}-M{Number:00}",
        PeriodKind.Quarter => $"{Year}-Q{Number}",
        PeriodKind.HalfYear => $"{Year}-H1",
        PeriodKind.NineMonths => $"{Year}-9M",
        _ => $"{Year}-Y",
    };

    /// <summary>The Vietnamese title printed on reports.</summary>
    public string Title => Kind switch
    {
        PeriodKind.Month => $"Tháng {Number:00}/{Year}",
        PeriodKind.Quarter => $"Quý {ToRoman(Number)} năm {Year}",
        PeriodKind.HalfYear => $"6 tháng đầu năm {Year}",
        PeriodKind.NineMonths => $"9 tháng năm {Year}",
        _ => $"Năm {Year}",
    };

    private static (int First, int Last) Check(int number, int max, int first, int last) =>
        number >= 1 && number <= max ? (first, last) : throw new ArgumentOutOfRangeException(nameof(number), number, $"Số kỳ phải từ 1 đến {max}.");

    private static string ToRoman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
