using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Platform.AppHost;

/// <summary>
/// Public documents and a gazette issue for the portal of a first `make run`, made the way the
/// office makes them: a specialist drafts with the signed file, the leader reviews, approves
/// and signs, the clerk issues; the legal normative ones reach the gazette register by event,
/// the gazette editor gives their text and publishes an issue; the portal learns of all of it
/// by events. Subjects are taken from the provincial reports in ../shared/corpus.
/// </summary>
public static class SamplePublications
{
    private sealed record Sample(string DocumentType, string Subject, bool IsLegalNormative, string Text);

    private static readonly Sample[] Samples =
    [
        new("Quyết định", "Về việc sửa đổi, bổ sung Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Văn phòng Ủy ban nhân dân tỉnh", true,
            "Điều 1. Sửa đổi, bổ sung một số điều của Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Văn phòng UBND tỉnh: Văn phòng tham mưu, giúp UBND tỉnh về chương trình, kế hoạch công tác; kiểm soát thủ tục hành chính; tổ chức thực hiện cơ chế một cửa, một cửa liên thông; quản lý Cổng thông tin điện tử và công báo của tỉnh.\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký."),
        new("Quyết định", "Ban hành Quy chế tổ chức và hoạt động của Cổng thông tin điện tử tỉnh", true,
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế tổ chức và hoạt động của Cổng thông tin điện tử tỉnh.\nĐiều 2. Văn phòng UBND tỉnh là cơ quan thường trực, quản lý, vận hành Cổng thông tin điện tử tỉnh."),
        new("Kế hoạch", "Triển khai mô hình Văn phòng điện tử không giấy tờ tại các sở, ban, ngành năm 2027", false,
            "Mục tiêu: 100% văn bản trao đổi giữa các cơ quan hành chính nhà nước dưới dạng điện tử, ký số; xử lý hồ sơ công việc trên môi trường mạng."),
    ];

    public static async Task SeedAsync(HttpClient gateway, RealmTokens tokens, CancellationToken cancellationToken)
    {
        var specialist = await tokens.PasswordAsync("chuyenvien", cancellationToken: cancellationToken);
        var leader = await tokens.PasswordAsync("lanhdao", cancellationToken: cancellationToken);
        var clerk = await tokens.PasswordAsync("vanthu", cancellationToken: cancellationToken);
        var gazetteEditor = await tokens.PasswordAsync("congbao", cancellationToken: cancellationToken);

        var legal = new Dictionary<Guid, string>();
        foreach (var sample in Samples)
        {
            var id = await IssueAsync(gateway, specialist, leader, clerk, sample, cancellationToken);
            if (sample.IsLegalNormative) legal[id] = sample.Text;
        }

        // The gazette register receives the legal normative documents by event: wait for them.
        var entries = await WaitForEntriesAsync(gateway, gazetteEditor, legal.Keys, cancellationToken);
        foreach (var (documentId, entryId) in entries)
        {
            await SendAsync(gateway, HttpMethod.Post, $"/api/gazette/register/{entryId}/original", gazetteEditor,
                new MultipartFormDataContent { { new StringContent(legal[documentId]), "text" } }, cancellationToken);
        }
        var issue = await SendAsync(gateway, HttpMethod.Post, "/api/gazette/issues", gazetteEditor,
            JsonContent.Create(new { entryIds = entries.Values.ToArray() }), cancellationToken);
        await SendAsync(gateway, HttpMethod.Post, $"/api/gazette/issues/{issue.GetProperty("id").GetGuid()}/publish", gazetteEditor, null, cancellationToken);
    }

    private static async Task<Guid> IssueAsync(HttpClient gateway, string specialist, string leader, string clerk, Sample sample, CancellationToken cancellationToken)
    {
        var created = await SendAsync(gateway, HttpMethod.Post, "/api/documents/outgoing", specialist, JsonContent.Create(new
        {
            documentType = sample.DocumentType, subject = sample.Subject, urgency = "Normal", secrecy = "None",
            recipients = new[] { "Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố" }, copyCount = 3,
            isPublic = true, isLegalNormative = sample.IsLegalNormative,
        }), cancellationToken);
        var id = created.GetProperty("id").GetGuid();
        var file = new ByteArrayContent(Pdf(sample.Subject, sample.Text));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var fileName = sample.DocumentType == "Kế hoạch" ? "ke-hoach.pdf" : "quyet-dinh.pdf";
        await SendAsync(gateway, HttpMethod.Post, $"/api/documents/outgoing/{id}/attachments", specialist,
            new MultipartFormDataContent { { file, "file", fileName }, { new StringContent("true"), "main" } }, cancellationToken);
        var outgoing = $"/api/documents/outgoing/{id}";
        await SendAsync(gateway, HttpMethod.Post, $"{outgoing}/submit", specialist, JsonContent.Create(new { }), cancellationToken);
        await SendAsync(gateway, HttpMethod.Post, $"{outgoing}/review", leader, JsonContent.Create(new { }), cancellationToken);
        await SendAsync(gateway, HttpMethod.Post, $"{outgoing}/approve", leader, JsonContent.Create(new { }), cancellationToken);
        await SendAsync(gateway, HttpMethod.Post, $"{outgoing}/sign", leader,
            JsonContent.Create(new { signerName = "Trần Văn Lãnh", signerPosition = "CHỦ TỊCH" }), cancellationToken);
        await SendAsync(gateway, HttpMethod.Post, $"{outgoing}/issue", clerk, JsonContent.Create(new { }), cancellationToken);
        return id;
    }

    private static async Task<Dictionary<Guid, Guid>> WaitForEntriesAsync(HttpClient gateway, string token, IEnumerable<Guid> documentIds, CancellationToken cancellationToken)
    {
        var wanted = documentIds.ToHashSet();
        for (var attempt = 0; ; attempt++)
        {
            var register = await SendAsync(gateway, HttpMethod.Get, "/api/gazette/register", token, null, cancellationToken);
            var found = register.EnumerateArray()
                .Where(e => e.TryGetProperty("documentId", out var d) && d.ValueKind == JsonValueKind.String && wanted.Contains(d.GetGuid()))
                .ToDictionary(e => e.GetProperty("documentId").GetGuid(), e => e.GetProperty("id").GetGuid());
            if (found.Count == wanted.Count) return found;
            if (attempt >= 60) throw new TimeoutException("The gazette register did not receive the sample legal documents within a minute.");
            await Task.Delay(1000, cancellationToken);
        }
    }

    private static async Task<JsonElement> SendAsync(HttpClient gateway, HttpMethod method, string path, string token, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content }.WithBearer(token);
        using var response = await gateway.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A one-page PDF with a text layer (PDF base fonts carry no Vietnamese letters: the text is folded).</summary>
    private static byte[] Pdf(string subject, string text)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var y = 780.0;
        foreach (var line in new[] { "UY BAN NHAN DAN TINH", Ascii(subject) }.Concat(Ascii(text).Split('\n')))
        {
            foreach (var chunk in line.Chunk(90)) { page.AddText(new string(chunk), 11, new PdfPoint(40, y), font); y -= 16; }
        }
        return builder.Build();
    }

    private static string Ascii(string text) =>
        new(text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => c is 'đ' ? 'd' : c is 'Đ' ? 'D' : c).Where(c => c < 128).ToArray());
}
