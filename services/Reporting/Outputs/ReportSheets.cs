using Platform.Reporting.Domain;

namespace Platform.Reporting.Outputs;

/// <summary>One table of a report with Vietnamese headers: a sheet of the workbook and a table of the printable page.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>A group of indicators: one workbook sheet, one section of the printable page.</summary>
public sealed record ReportSheet(string Name, IReadOnlyList<ReportTable> Tables);

/// <summary>Lays the figures out in the office's wording, once, for every output.</summary>
public static class ReportSheets
{
    private const string Unit = "Đơn vị";
    private const string Count = "Số lượng";

    public static IReadOnlyList<ReportSheet> Of(ReportFigures figures)
    {
        var sheets = new List<ReportSheet>
        {
            new("Văn bản", [
                new("Tổng hợp", ["Chỉ tiêu", Count], [["Văn bản đến", figures.Documents.Received], ["Văn bản đi (phát hành)", figures.Documents.Issued]]),
                Counts("Văn bản đến theo đơn vị", Unit, figures.Documents.ReceivedByUnit),
                Counts("Văn bản đến theo loại", "Loại văn bản", figures.Documents.ReceivedByType),
                Counts("Văn bản đến theo độ khẩn", "Độ khẩn", figures.Documents.ReceivedByUrgency.Select(r => r with { Key = UrgencyName(r.Key) }).ToList()),
                Counts("Văn bản đi theo đơn vị", Unit, figures.Documents.IssuedByUnit),
                Counts("Văn bản đi theo loại", "Loại văn bản", figures.Documents.IssuedByType),
            ]),
            new("Xử lý văn bản đến", [
                new("Giải quyết văn bản đến có thời hạn",
                    ["Có thời hạn", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang xử lý trong hạn", "Đang xử lý quá hạn", "Tỷ lệ đúng hạn (%)"],
                    [[figures.Handling.WithDeadline, figures.Handling.HandledOnTime, figures.Handling.HandledLate,
                      figures.Handling.OpenWithinDeadline, figures.Handling.OpenOverdue, figures.Handling.OnTimeShare]]),
            ]),
            new("Nhiệm vụ", [
                new("Tình hình thực hiện nhiệm vụ",
                    [Unit, "Tổng số", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang thực hiện trong hạn", "Đang thực hiện quá hạn", "Sắp đến hạn"],
                    [.. figures.Tasks.ByUnit.Append(figures.Tasks.Province with { Unit = "Toàn tỉnh" }).Select(TaskRow)]),
            ]),
        };
        if (figures.Gazette is { } gazette)
        {
            sheets.Add(new("Công báo", [
                new($"Văn bản quy phạm pháp luật đăng công báo (hạn {gazette.AllowedDays} ngày)",
                    ["Tiếp nhận", "Đã đăng", "Đăng quá hạn"], [[gazette.Received, gazette.Published, gazette.PublishedLate]]),
            ]));
        }
        if (figures.Feedback is { } feedback)
        {
            sheets.Add(new("Phản ánh kiến nghị", [
                new("Phản ánh, kiến nghị của người dân", ["Tiếp nhận", "Đã trả lời", "Quá hạn"],
                    [[feedback.Received, feedback.Answered ?? (object)"chưa có số liệu", feedback.Overdue ?? (object)"chưa có số liệu"]]),
            ]));
        }
        return sheets;
    }

    public static string ScopeName(ReportFigures figures) => figures.Scope == ReportCalculator.Province ? "Toàn tỉnh" : $"Đơn vị {figures.Scope}";

    private static IReadOnlyList<object?> TaskRow(TaskCategoryRow row) =>
        [row.Unit, row.Total, row.DoneOnTime, row.DoneLate, row.InProgressOnTime, row.InProgressOverdue, row.DueSoon];

    private static ReportTable Counts(string title, string keyHeader, IReadOnlyList<CountRow> rows) =>
        new(title, [keyHeader, Count], [.. rows.Select(r => (IReadOnlyList<object?>)[r.Key == "" ? "(không rõ)" : r.Key, r.Count])]);

    private static string UrgencyName(string urgency) => urgency switch
    {
        "Normal" => "Thường",
        "Urgent" => "Khẩn",
        "VeryUrgent" => "Thượng khẩn",
        "Flash" => "Hỏa tốc",
        "FlashScheduled" => "Hỏa tốc hẹn giờ",
        _ => urgency,
    };
}
