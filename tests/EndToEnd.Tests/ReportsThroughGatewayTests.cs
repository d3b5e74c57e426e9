using System.Net;
using System.Text.Json;
using Platform.AppHost;
using Platform.TestSupport;

namespace Platform.EndToEnd.Tests;

/// <summary>A leader downloads this quarter's report, built from the sample content's events, through the gateway.</summary>
public sealed class ReportsThroughGatewayTests
{
    private static HttpClient Gateway => RunningPlatform.Gateway;

    private static async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path).WithBearer(token);
        return await Gateway.SendAsync(request);
    }

    [Test]
    public async Task A_quarter_report_of_the_sample_content_downloads_as_a_workbook_a_page_and_a_chart()
    {
        await SampleContent.SeedOnceAsync(RunningPlatform.Platform.Settings, CancellationToken.None);
        var leader = await RunningPlatform.Tokens.PasswordAsync("lanhdao");

        await Eventually.UntilAsync(
            async () => JsonDocument.Parse(await (await GetAsync("/api/reports/indicators?period=quarter", leader)).Content.ReadAsStringAsync()).RootElement.Clone(),
            figures => figures.GetProperty("documents").GetProperty("received").GetInt32() > 0,
            RunningPlatform.EventTimeout, "reporting to count the sample documents");

        using var workbook = await GetAsync("/api/reports/export.xlsx?period=quarter", leader);
        Assert.That(workbook.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(workbook.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        var bytes = await workbook.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(2), Is.EqualTo("PK"u8.ToArray()), "an XLSX is a zip package");

        using var page = await GetAsync("/api/reports/print?period=quarter", leader);
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<html lang=\"vi\">"));
        Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("style-src 'sha256-"), "the page keeps its own policy");

        using var chart = await GetAsync("/api/reports/charts/task-categories.png?period=quarter", leader);
        Assert.That((await chart.Content.ReadAsByteArrayAsync()).Take(4), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
    }
}
