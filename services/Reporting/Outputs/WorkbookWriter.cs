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
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var sheet in ReportSheets.Of(figures))
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                worksheetPart.Worksheet = new Worksheet(data);
                AddRow(data, $"Báo cáo {figures.PeriodTitle} — {ReportSheets.ScopeName(figures)}");
                AddRow(data, string.Create(CultureInfo.InvariantCulture, $"Kỳ số liệu: {figures.Start:dd/MM/yyyy} – {figures.End:dd/MM/yyyy}; số liệu đến ngày {figures.AsOf:dd/MM/yyyy}"));
                foreach (var table in sheet.Tables)
                {
                    AddRow(data);
                    AddRow(data, table.Title);
                    AddRow(data, [.. table.Headers]);
                    foreach (var row in table.Rows) AddRow(data, [.. row]);
                }
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = sheet.Name });
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddRow(SheetData data, params object?[] values)
    {
        var row = new Row();
        foreach (var value in values) row.Append(Cell(value));
        data.Append(row);
    }

    private static Cell Cell(object? value) => value switch
    {
        int or long or decimal or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture)) },
        null => new Cell(),
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString()!) { Space = SpaceProcessingModeValues.Preserve }) },
    };
}
