using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Documents.Registers;

/// <summary>A register as an XLSX workbook: title and period on top, bold headers, text cells (numbers and codes keep their zeros).</summary>
public static class XlsxRegister
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(Register register)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, [register.Title], bold: true));
            data.Append(Row(2, [$"Từ ngày {register.From:dd/MM/yyyy} đến ngày {register.To:dd/MM/yyyy}"], bold: false));
            data.Append(Row(4, register.Columns.ToArray<string?>(), bold: true));
            uint index = 5;
            foreach (var row in register.Rows) data.Append(Row(index++, row, bold: false));
            var columns = new Columns(register.Columns.Select((_, i) =>
                new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = i is 2 or 4 or 5 ? 45 : 18, CustomWidth = true }));
            sheetPart.Worksheet = new Worksheet(columns, data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sổ" }));
            workbook.Workbook.Save();
        }
        return output.ToArray();
    }

    private static Row Row(uint index, string?[] values, bool bold)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Length; i++)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(i) + index,
                DataType = CellValues.InlineString,
                StyleIndex = bold ? 1u : 0u,
                InlineString = new InlineString(new Text(values[i] ?? "") { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
                  new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat { FontId = 0 }, new CellFormat { FontId = 1, ApplyFont = true }));
}
