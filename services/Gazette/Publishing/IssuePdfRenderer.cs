using System.Globalization;
using UglyToad.PdfPig.Writer;

namespace Platform.Gazette.Publishing;

/// <summary>
/// Renders an issue as one PDF: a cover with the issue number and date and the table of
/// contents (mục lục), then each document's text, each starting on a new page.
/// </summary>
public static class IssuePdfRenderer
{
    public static byte[] Render(IssueContent issue)
    {
        using var layout = new PageLayout();
        var date = issue.PublishedDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        layout.Paragraph(issue.OfficeName.ToUpperInvariant(), 12, isBold: true, centered: true);
        layout.Space(40);
        layout.Paragraph("CÔNG BÁO", 32, isBold: true, centered: true, after: 12);
        layout.Paragraph(issue.Label, 20, isBold: true, centered: true);
        layout.Paragraph("Ngày " + date, 14, centered: true, after: 30);
        if (issue.CorrectsLabel is not null)
        {
            layout.Paragraph("ĐÍNH CHÍNH " + issue.CorrectsLabel.ToUpperInvariant(), 14, isBold: true, centered: true);
            layout.Paragraph(issue.CorrectionNote ?? "", 11, after: 20);
        }
        layout.Paragraph("MỤC LỤC", 14, isBold: true, centered: true, after: 10);

        // Table of contents lines first; their page numbers are known only once the documents are laid out.
        var tocMarks = new List<(int Page, double Y)>();
        foreach (var document in issue.Documents)
        {
            layout.Paragraph($"{document.DocumentType} số {document.NumberAndCode} ngày {document.SignedDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} của {document.IssuingBody}", 10.5, isBold: true, after: 0, indentRight: 30);
            layout.Paragraph(document.Subject, 10.5, after: 0, indentRight: 30);
            // The page number goes at the end of the entry's last line.
            tocMarks.Add(layout.Mark());
            layout.Space(8);
        }

        var starts = new List<int>();
        foreach (var document in issue.Documents)
        {
            layout.NewPage();
            starts.Add(layout.PageIndex);
            layout.Paragraph(document.IssuingBody.ToUpperInvariant(), 12, isBold: true, centered: true);
            layout.Paragraph($"Số: {document.NumberAndCode}", 11, centered: true, after: 12);
            layout.Paragraph(document.DocumentType.ToUpperInvariant(), 14, isBold: true, centered: true);
            layout.Paragraph(document.Subject, 12, isBold: true, centered: true, after: 16);
            layout.Paragraph(document.Text, 11);
        }
        for (var i = 0; i < tocMarks.Count; i++)
        {
            layout.RightAligned(tocMarks[i].Page, tocMarks[i].Y, (starts[i] + 1).ToString(CultureInfo.InvariantCulture), 10.5);
        }

        using var builder = new PdfDocumentBuilder { IncludeDocumentInformation = true };
        builder.DocumentInformation.Title = $"Công báo {issue.Label} ngày {date}";
        builder.DocumentInformation.Producer = issue.OfficeName;
        var footerLabel = $"CÔNG BÁO / {issue.Label} / Ngày {date}";
        layout.Draw(builder, page => page == 0 ? [] :
        [
            new PlacedLine(footerLabel, 8, false, PageLayout.Margin, PageLayout.Height - PageLayout.Margin + 10),
            new PlacedLine((page + 1).ToString(CultureInfo.InvariantCulture), 8, false, PageLayout.Width - PageLayout.Margin - 10, PageLayout.Margin - 10),
        ]);
        return builder.Build();
    }
}
