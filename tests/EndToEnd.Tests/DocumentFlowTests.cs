using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.AppHost;
using Platform.TestSupport;

namespace Platform.EndToEnd.Tests;

/// <summary>A clerk and a leader at work, through the gateway, with events crossing over Redis.</summary>
public sealed class DocumentFlowTests
{
    private static HttpClient Gateway => RunningPlatform.Gateway;

    private static async Task<JsonElement> SendAsync(HttpMethod method, string path, string token, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path).WithBearer(token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await Gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    [Test]
    public async Task A_registered_document_is_counted_by_reporting_and_its_direction_becomes_a_task_on_the_dashboard()
    {
        var clerk = await RunningPlatform.Tokens.PasswordAsync("vanthu");
        var leader = await RunningPlatform.Tokens.PasswordAsync("lanhdao");
        var before = await SendAsync(HttpMethod.Get, "/api/reports/documents", leader);

        var document = await SendAsync(HttpMethod.Post, "/api/documents/incoming", clerk, new
        {
            issuingBody = "Bộ Nội vụ",
            numberAndCode = "4521/BNV-CCVC",
            documentDate = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            documentType = "Công văn",
            subject = "Về việc tuyển dụng công chức cấp xã năm 2026",
            urgency = "VeryUrgent",
            secrecy = "None",
            pageCount = 2,
            signer = "Trương Hải Long",
        }, HttpStatusCode.Created);
        var documentId = document.GetProperty("id").GetString();

        await Eventually.UntilAsync(
            () => SendAsync(HttpMethod.Get, "/api/reports/documents", leader),
            counts => counts.GetProperty("received").GetInt32() == before.GetProperty("received").GetInt32() + 1,
            RunningPlatform.EventTimeout, "reporting to count the registered document");

        await SendAsync(HttpMethod.Post, $"/api/documents/incoming/{documentId}/direction", leader, new
        {
            direction = "Giao Sở Nội vụ chủ trì, tham mưu UBND tỉnh trước ngày 15/12",
            leadUnit = "SNV",
            supportingUnits = new[] { "STC" },
            deadline = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"),
        });
        var tasks = await Eventually.UntilAsync(
            () => SendAsync(HttpMethod.Get, "/api/tasks", leader),
            list => list.EnumerateArray().Any(t => t.GetProperty("sourceDocumentId").GetString() == documentId),
            RunningPlatform.EventTimeout, "the tasks service to create the task");
        var task = tasks.EnumerateArray().Single(t => t.GetProperty("sourceDocumentId").GetString() == documentId);
        Assert.That(task.GetProperty("leadUnit").GetString(), Is.EqualTo("SNV"));

        var dashboard = await Eventually.UntilAsync(
            () => SendAsync(HttpMethod.Get, "/api/tasks/dashboard", leader),
            board => board.GetProperty("units").EnumerateArray().Any(u => u.GetProperty("unit").GetString() == "SNV"
                && u.GetProperty("inProgressOnTime").GetInt32() >= 1),
            RunningPlatform.EventTimeout, "the dashboard to count the new task as in progress on time (đang thực hiện trong hạn)");
        Assert.That(dashboard.GetProperty("province").GetProperty("inProgressOnTime").GetInt32(), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task The_portal_home_page_is_served_through_the_gateway_in_Vietnamese()
    {
        using var response = await Gateway.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<html lang=\"vi\">"));
        Assert.That(html, Does.Contain("Cổng thông tin điện tử"));
    }
}
