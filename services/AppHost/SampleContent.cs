using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.AppHost;

/// <summary>
/// Fills a new data folder with a few days of an office's ordinary work, entered through
/// the same APIs clerks and leaders use, so a first `make run` has something to look at.
/// Runs once per data folder (a marker file says it ran).
/// </summary>
public static class SampleContent
{
    private const string Marker = "sample-content.done";

    private sealed record Incoming(string IssuingBody, string NumberAndCode, int DaysAgo, string DocumentType, string Subject, string Urgency, int PageCount, string Signer);

    private static readonly Incoming[] Documents =
    [
        new("Văn phòng Chính phủ", "8123/VPCP-KSTT", 6, "Công văn", "Về việc đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình", "Urgent", 3, "Mai Tiến Dũng"),
        new("Bộ Nội vụ", "4521/BNV-CCVC", 5, "Công văn", "Về việc tuyển dụng công chức cấp xã năm 2026", "Normal", 2, "Trương Hải Long"),
        new("Bộ Tài chính", "112/TB-BTC", 4, "Thông báo", "Thông báo kết luận của Bộ trưởng về quyết toán ngân sách địa phương năm 2025", "Normal", 4, "Nguyễn Văn Thắng"),
        new("Sở Tài nguyên và Môi trường", "1520/TTr-STNMT", 3, "Tờ trình", "Đề nghị phê duyệt kế hoạch sử dụng đất năm 2027 cấp huyện", "Normal", 12, "Lê Văn Hùng"),
        new("Ban Chỉ huy Phòng chống thiên tai tỉnh", "07/CĐ-BCH", 1, "Công điện", "Về việc chủ động ứng phó với bão số 9", "Flash", 2, "Võ Văn Minh"),
    ];

    public static async Task SeedOnceAsync(LaunchSettings settings, CancellationToken cancellationToken)
    {
        var marker = Path.Combine(settings.DataFolder, Marker);
        if (File.Exists(marker)) return;
        using var http = new HttpClient { BaseAddress = settings.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        var tokens = new RealmTokens(http, new Uri(settings.Issuer));
        var clerk = await tokens.PasswordAsync("vanthu", cancellationToken: cancellationToken);
        var leader = await tokens.PasswordAsync("lanhdao", cancellationToken: cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        string? stormDocument = null;
        foreach (var document in Documents)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents/incoming")
            {
                Content = JsonContent.Create(new
                {
                    issuingBody = document.IssuingBody,
                    numberAndCode = document.NumberAndCode,
                    documentDate = today.AddDays(-document.DaysAgo).ToString("yyyy-MM-dd"),
                    documentType = document.DocumentType,
                    subject = document.Subject,
                    urgency = document.Urgency,
                    secrecy = "None",
                    pageCount = document.PageCount,
                    signer = document.Signer,
                }),
            };
            using var response = await http.SendAsync(request.WithBearer(clerk), cancellationToken);
            response.EnsureSuccessStatusCode();
            var created = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (document.DocumentType == "Công điện") stormDocument = created.GetProperty("id").GetString();
        }
        if (stormDocument is not null)
        {
            using var direction = new HttpRequestMessage(HttpMethod.Post, $"/api/documents/incoming/{stormDocument}/direction")
            {
                Content = JsonContent.Create(new
                {
                    direction = "Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp UBND các huyện triển khai ngay các biện pháp ứng phó; báo cáo kết quả trước 17 giờ hằng ngày.",
                    leadUnit = "SNNMT",
                    supportingUnits = new[] { "BCHQS", "SCT" },
                    deadline = today.AddDays(3).ToString("yyyy-MM-dd"),
                }),
            };
            using var response = await http.SendAsync(direction.WithBearer(leader), cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        await SamplePublications.SeedAsync(http, tokens, cancellationToken);
        await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O"), cancellationToken);
    }

}
