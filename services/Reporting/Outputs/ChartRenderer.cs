using Platform.Reporting.Domain;
using ScottPlot;

namespace Platform.Reporting.Outputs;

/// <summary>Charts for the staff dashboard as PNG, drawn with ScottPlot on SkiaSharp.</summary>
public static class ChartRenderer
{
    public const int Width = 900;
    public const int Height = 480;

    private static readonly Lazy<string?> VietnameseFont = new(RegisterFont);

    /// <summary>Documents received and issued in each monthly period of the year.</summary>
    public static byte[] DocumentTrend(int year, IReadOnlyList<MonthlyDocuments> months)
    {
        var plot = NewPlot($"Văn bản đến và đi theo tháng năm {year}");
        double[] xs = [.. months.Select(m => (double)m.Month)];
        var received = plot.Add.Scatter(xs, [.. months.Select(m => (double)m.Received)]);
        received.LegendText = "Văn bản đến";
        var issued = plot.Add.Scatter(xs, [.. months.Select(m => (double)m.Issued)]);
        issued.LegendText = "Văn bản đi";
        plot.Axes.Bottom.SetTicks(xs, [.. months.Select(m => $"T{m.Month}")]);
        plot.YLabel("Số văn bản");
        plot.Axes.SetLimitsY(0, Math.Max(1, months.Max(m => Math.Max(m.Received, m.Issued))) * 1.1);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImage(Width, Height).GetImageBytes(ImageFormat.Png, 100);
    }

    /// <summary>Tasks of each unit stacked by the four report categories.</summary>
    public static byte[] TaskCategories(string periodTitle, IReadOnlyList<TaskCategoryRow> units)
    {
        var plot = NewPlot($"Nhiệm vụ theo đơn vị — {periodTitle}");
        (string Label, Func<TaskCategoryRow, int> Value, Color Color)[] categories =
        [
            ("Hoàn thành đúng hạn", r => r.DoneOnTime, Colors.SeaGreen),
            ("Hoàn thành quá hạn", r => r.DoneLate, Colors.Orange),
            ("Đang thực hiện trong hạn", r => r.InProgressOnTime, Colors.SteelBlue),
            ("Đang thực hiện quá hạn", r => r.InProgressOverdue, Colors.Crimson),
        ];
        var bars = new List<Bar>();
        for (var i = 0; i < units.Count; i++)
        {
            double bottom = 0;
            foreach (var category in categories)
            {
                var value = category.Value(units[i]);
                bars.Add(new Bar { Position = i, ValueBase = bottom, Value = bottom + value, FillColor = category.Color });
                bottom += value;
            }
        }
        plot.Add.Bars(bars);
        foreach (var category in categories)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = category.Label, FillColor = category.Color });
        }
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, units.Count).Select(i => (double)i)], [.. units.Select(u => u.Unit)]);
        plot.YLabel("Số nhiệm vụ");
        plot.Axes.SetLimitsY(0, Math.Max(1, units.Count == 0 ? 0 : units.Max(u => u.Total)) * 1.15);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImage(Width, Height).GetImageBytes(ImageFormat.Png, 100);
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        if (VietnameseFont.Value is { } font) plot.Font.Set(font);
        plot.Title(title);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return plot;
    }

    // The NoDependencies Skia build has no fontconfig, so a font with Vietnamese glyphs is loaded from its file.
    private static string? RegisterFont()
    {
        string[] candidates = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf"];
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null) return null;
        Fonts.AddFontFile("DejaVu Sans", path);
        return "DejaVu Sans";
    }
}

public sealed record MonthlyDocuments(int Month, int Received, int Issued);
