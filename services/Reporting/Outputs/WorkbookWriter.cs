using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Outputs;

/// <summary>The report as an XLSX workbook: one sheet per indicator group, Vietnamese headers.</summary>
public static class WorkbookWriter
{
    public static byte[] Write(ReportFigures figures)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var sheet in ReportSheets.Of(figures))
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                var widest = sheet.Tables.Max(t => t.Headers.Count);
                worksheetPart.Worksheet = new Worksheet(
                    new Columns(new Column { Min = 1, Max = 1, Width = 34, CustomWidth = true },
                        new Column { Min = 2, Max = (uint)Math.Max(2, widest), Width = 22, CustomWidth = true }),
                    data);
                AddRow(data, Bold, $"Báo cáo {figures.PeriodTitle} — {ReportSheets.ScopeName(figures)}");
                AddRow(data, Plain, string.Create(CultureInfo.InvariantCulture, $"Kỳ số liệu: {figures.Start:dd/MM/yyyy} – {figures.End:dd/MM/yyyy}; số liệu đến ngày {figures.AsOf:dd/MM/yyyy}"));
                foreach (var table in sheet.Tables)
                {
                    AddRow(data, Plain);
                    AddRow(data, Bold, table.Title);
                    AddRow(data, Header, [.. table.Headers]);
                    foreach (var row in table.Rows) AddRow(data, Plain, [.. row]);
                }
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = sheet.Name });
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private const uint Plain = 0;
    private const uint Bold = 1;
    private const uint Header = 2;

    private static void AddRow(SheetData data, uint style, params object?[] values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            var cell = Cell(value);
            if (style != Plain) cell.StyleIndex = style;
            row.Append(cell);
        }
        data.Append(row);
    }

    /// <summary>Plain, bold (titles) and bold on grey with wrapping (column headers).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true })
        { Count = 3 });

    private static Cell Cell(object? value) => value switch
    {
        int or long or decimal or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture)) },
        null => new Cell(),
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString()!) { Space = SpaceProcessingModeValues.Preserve }) },
    };
}
