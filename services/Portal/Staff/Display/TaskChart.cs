using System.Globalization;
using Platform.Portal.Staff.Clients;

namespace Platform.Portal.Staff.Display;

/// <summary>
/// The dashboard's bar chart, drawn as SVG on the server (no script, nothing for the content
/// security policy to allow): one row per unit, one bar per report category of DOMAIN.md
/// section 3, scaled to the largest count so units compare at a glance.
/// </summary>
public sealed class TaskChart
{
    public const int LabelWidth = 70;
    public const int BarArea = 260;
    public const int BarHeight = 14;
    public const int RowGap = 10;

    public sealed record Category(string Name, string Colour, Func<DashboardRow, int> Count);

    /// <summary>The four categories, in the order reports list them; colours distinguishable without red-green contrast alone.</summary>
    public static readonly IReadOnlyList<Category> Categories =
    [
        new("Hoàn thành đúng hạn", "#1d4ed8", r => r.DoneOnTime),
        new("Hoàn thành quá hạn", "#7c3aed", r => r.DoneLate),
        new("Đang thực hiện trong hạn", "#0f766e", r => r.InProgressOnTime),
        new("Đang thực hiện quá hạn", "#b91c1c", r => r.InProgressOverdue),
    ];

    public sealed record Bar(string Unit, Category Category, int Count, int Y, int Width)
    {
        public string Label => $"{Unit}: {Category.Name} {Count}";
    }

    public TaskChart(IReadOnlyList<DashboardRow> rows)
    {
        var max = Math.Max(1, rows.SelectMany(r => Categories.Select(c => c.Count(r))).DefaultIfEmpty(0).Max());
        var bars = new List<Bar>();
        var y = 0;
        foreach (var row in rows)
        {
            foreach (var category in Categories)
            {
                var count = category.Count(row);
                // A non-zero count keeps a sliver, so "one task" never looks like "none".
                var width = count == 0 ? 0 : Math.Max(2, (int)Math.Round((double)count / max * BarArea));
                bars.Add(new Bar(row.Unit, category, count, y, width));
                y += BarHeight + 2;
            }
            y += RowGap;
        }
        Bars = bars;
        Height = Math.Max(y, BarHeight);
    }

    public IReadOnlyList<Bar> Bars { get; }
    public int Height { get; }
    public int Width => LabelWidth + BarArea + 40;

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
