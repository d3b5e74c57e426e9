using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Outputs;

/// <summary>The report as a page a leader prints (A4, no scripts), in Vietnamese.</summary>
public static class PrintablePage
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private const string Style =
        "@page{size:A4;margin:2cm}body{font-family:'Times New Roman',serif;font-size:13pt}" +
        "h1{text-align:center;font-size:15pt;text-transform:uppercase}table{border-collapse:collapse;width:100%;margin:.5em 0 1em}" +
        "th,td{border:1px solid #000;padding:3px 6px}td.n{text-align:right}h2{font-size:13pt}h3{font-size:12pt;margin-bottom:0}" +
        ".meta{text-align:center;font-style:italic}.pending{font-size:11pt}";

    /// <summary>
    /// The gateway's default policy forbids inline styles; the page names its one style block by
    /// hash instead, and allows nothing else.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static string Render(ReportFigures figures)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>Báo cáo {E(figures.PeriodTitle)}</title>\n");
        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append($"<h1>Báo cáo {E(figures.PeriodTitle)}</h1>\n");
        html.Append($"<p class=\"meta\">{E(ReportSheets.ScopeName(figures))} — số liệu từ ngày {Day(figures.Start)} đến ngày {Day(figures.End)}")
            .Append($" (chốt đến ngày {Day(figures.AsOf)})</p>\n");
        foreach (var sheet in ReportSheets.Of(figures))
        {
            html.Append($"<h2>{E(sheet.Name)}</h2>\n");
            foreach (var table in sheet.Tables)
            {
                html.Append($"<h3>{E(table.Title)}</h3>\n<table>\n<thead><tr>");
                foreach (var header in table.Headers) html.Append($"<th>{E(header)}</th>");
                html.Append("</tr></thead>\n<tbody>\n");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    foreach (var cell in row)
                    {
                        html.Append(cell is string or null ? $"<td>{E(cell as string ?? "")}</td>" : $"<td class=\"n\">{E(string.Format(Vietnamese, "{0:N0}", cell))}</td>");
                    }
                    html.Append("</tr>\n");
                }
                html.Append("</tbody>\n</table>\n");
            }
        }
        html.Append("<p class=\"pending\">Ghi chú: ").Append(E(string.Join("; ", figures.Pending))).Append(".</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    // WebUtility.HtmlEncode turns every Vietnamese letter into an entity; only markup characters need escaping.
    private static string E(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
