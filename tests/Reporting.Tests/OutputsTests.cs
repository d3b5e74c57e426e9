using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Contracts;
using Platform.TestSupport;
using static Platform.Reporting.Tests.ReportEvents;

namespace Platform.Reporting.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class OutputsTests(DatabaseKind database)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private ReportingFactory _factory = null!;
    private HttpClient _leader = null!;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new ReportingFactory(database);
        _leader = _factory.ClientFor(TestUser.Leader);
        var broker = _factory.Broker;
        var document = Guid.NewGuid();
        await broker.PublishTwiceAsync(Registered(document, D(2019, 1, 10), "Công văn", Urgency.VeryUrgent));
        await broker.PublishTwiceAsync(Registered(Guid.NewGuid(), D(2019, 2, 20), "Tờ trình"));
        await broker.PublishTwiceAsync(Issued(D(2019, 2, 1), "12/UBND-KT"));
        var done = Guid.NewGuid();
        await broker.PublishTwiceAsync(TaskEntered(done, D(2019, 1, 5), "KT", D(2019, 2, 1)));
        await broker.PublishTwiceAsync(Status(done, D(2019, 1, 30), "KT", TaskState.Done));
        await broker.PublishTwiceAsync(TaskEntered(Guid.NewGuid(), D(2019, 1, 6), "XD", D(2019, 2, 1)));
        await broker.PublishTwiceAsync(Feedback(D(2019, 1, 6)));
        await Eventually.UntilAsync(() => _leader.GetStringAsync("/api/reports/indicators?period=quarter&year=2019&number=1"),
            json => json.Contains("\"received\":2") && json.Contains("\"total\":2,\"doneOnTime\":1") && json.Contains("\"feedback\":{\"received\":1"),
            what: "seeded");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _leader.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task The_workbook_has_one_sheet_per_indicator_group_with_Vietnamese_headers()
    {
        var response = await _leader.GetAsync("/api/reports/export.xlsx?period=quarter&year=2019&number=1");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(bytes))
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}");
            Assert.That(errors, Is.Empty, "a workbook Excel opens without repair");
        }
        var sheets = ReadWorkbook(bytes);

        Assert.That(sheets.Keys, Is.EqualTo(new[] { "Văn bản", "Xử lý văn bản đến", "Nhiệm vụ", "Công báo", "Phản ánh kiến nghị" }));
        Assert.Multiple(() =>
        {
            Assert.That(sheets["Văn bản"], Has.Some.EqualTo(new[] { "Văn bản đến", "2" }));
            Assert.That(sheets["Văn bản"], Has.Some.EqualTo(new[] { "Văn bản đi (phát hành)", "1" }));
            Assert.That(sheets["Văn bản"], Has.Some.EqualTo(new[] { "Thượng khẩn", "1" }));
            Assert.That(sheets["Nhiệm vụ"], Has.Some.EqualTo(new[]
                { "Đơn vị", "Tổng số", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang thực hiện trong hạn", "Đang thực hiện quá hạn", "Sắp đến hạn" }));
            Assert.That(sheets["Nhiệm vụ"], Has.Some.EqualTo(new[] { "KT", "1", "1", "0", "0", "0", "0" }));
            Assert.That(sheets["Nhiệm vụ"], Has.Some.EqualTo(new[] { "XD", "1", "0", "0", "0", "1", "0" }));
            Assert.That(sheets["Nhiệm vụ"], Has.Some.EqualTo(new[] { "Toàn tỉnh", "2", "1", "0", "0", "1", "0" }));
            Assert.That(sheets["Phản ánh kiến nghị"], Has.Some.EqualTo(new[] { "1", "chưa có số liệu", "chưa có số liệu" }));
            Assert.That(sheets["Văn bản"][0][0], Does.Contain("Quý I năm 2019"));
        });
    }

    [Test]
    public async Task A_unit_exports_only_its_own_figures()
    {
        using var specialist = _factory.ClientFor(TestUser.Specialist);
        var sheets = ReadWorkbook(await specialist.GetByteArrayAsync("/api/reports/export.xlsx?period=quarter&year=2019&number=1"));
        Assert.That(sheets.Keys, Is.EqualTo(new[] { "Văn bản", "Xử lý văn bản đến", "Nhiệm vụ" }));
        Assert.That(sheets["Nhiệm vụ"].Select(r => r[0]), Does.Not.Contain("XD"));
        var chart = await specialist.GetAsync("/api/reports/charts/task-categories.png?period=quarter&year=2019&number=1&unit=XD");
        Assert.That(chart.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("/api/reports/charts/documents-trend.png?year=2019")]
    [TestCase("/api/reports/charts/task-categories.png?period=quarter&year=2019&number=1")]
    [TestCase("/api/reports/charts/task-categories.png?period=month&year=2001&number=1")]
    public async Task Charts_are_valid_non_empty_PNG_files(string url)
    {
        var response = await _leader.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        var png = await response.Content.ReadAsByteArrayAsync();
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"chart-{database}-{(uint)url.GetHashCode()}.png");
        await File.WriteAllBytesAsync(file, png);
        TestContext.AddTestAttachment(file, url);
        Assert.That(png.Take(8), Is.EqualTo(PngSignature));
        Assert.That(png, Has.Length.GreaterThan(5_000), "a drawn chart, not a blank image");
        // IHDR holds width and height, big-endian, right after the signature and chunk header.
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        var height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        Assert.That((width, height), Is.EqualTo((Outputs.ChartRenderer.Width, Outputs.ChartRenderer.Height)));
    }

    [Test]
    public async Task The_document_trend_counts_each_monthly_period()
    {
        var months = await MonthsAsync();
        Assert.That(months.Take(3).Select(m => (m.Received, m.Issued)), Is.EqualTo(new[] { (1, 0), (0, 1), (1, 0) }),
            "10/01 is January's, 01/02 and 20/02 fall in February and March by the cut-off on the 14th");
    }

    private async Task<IReadOnlyList<Outputs.MonthlyDocuments>> MonthsAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var reports = scope.ServiceProvider.GetRequiredService<Reports.ReportService>();
        return await reports.MonthlyDocumentsAsync(2019, null, CancellationToken.None);
    }

    [Test]
    public async Task The_printable_page_is_Vietnamese_HTML()
    {
        var response = await _leader.GetAsync("/api/reports/print?period=quarter&year=2019&number=1");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("<html lang=\"vi\">").And.Contain("Báo cáo Quý I năm 2019").And.Contain("Hoàn thành đúng hạn")
            .And.Contain("15/12/2018").And.Contain("14/03/2019"));
        // The gateway forbids inline styles unless the page names its own by hash.
        var style = System.Text.RegularExpressions.Regex.Match(html, "<style>(.*?)</style>").Groups[1].Value;
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain($"style-src 'sha256-{hash}'"));
    }

    private static Dictionary<string, List<string[]>> ReadWorkbook(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(
            sheet => sheet.Name!.Value!,
            sheet => ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>()
                .Select(row => row.Elements<Cell>().Select(CellText).ToArray()).Where(r => r.Length > 0).ToList());
    }

    private static string CellText(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
}
