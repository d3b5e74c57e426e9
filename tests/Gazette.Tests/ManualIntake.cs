using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Gazette.Domain;

namespace Platform.Gazette.Tests;

/// <summary>Sends a document in by hand, as the gazette editor's form does.</summary>
public static class ManualIntake
{
    public static MultipartFormDataContent Form(
        string numberAndCode, string subject, DateOnly signed, string secrecy = "None", DateOnly? received = null,
        string? text = "Điều 1. Quy định này có hiệu lực kể từ ngày ký.", string issuingBody = "Hội đồng nhân dân tỉnh",
        byte[]? original = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(numberAndCode), "numberAndCode" },
            { new StringContent("Nghị quyết"), "documentType" },
            { new StringContent(subject), "subject" },
            { new StringContent(issuingBody), "issuingBody" },
            { new StringContent("Trần Thị B"), "signerName" },
            { new StringContent(signed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "signedDate" },
            { new StringContent(secrecy), "secrecy" },
        };
        if (text is not null) form.Add(new StringContent(text), "text");
        if (received is { } day) form.Add(new StringContent(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "receivedDate");
        var file = new ByteArrayContent(original ?? "%PDF-1.7 bản gốc đã ký"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "original", "nghi-quyet.pdf");
        return form;
    }

    public static async Task<GazetteEntry> ReceiveAsync(HttpClient editor, string numberAndCode, string subject, DateOnly? received = null, string text = "Điều 1. Quy định này có hiệu lực kể từ ngày ký.", string issuingBody = "Hội đồng nhân dân tỉnh")
    {
        var response = await editor.PostAsync("/api/gazette/register", Form(numberAndCode, subject, received?.AddDays(-1) ?? Today().AddDays(-1), received: received, text: text, issuingBody: issuingBody));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<GazetteEntry>())!;
    }

    public static DateOnly Today() => DateOnly.FromDateTime(Platform.ServiceDefaults.VietnamTime.ToLocal(DateTimeOffset.UtcNow).DateTime);

    public static string UniqueCode(string type = "NQ-HĐND") => $"{Random.Shared.Next(10, 99999)}/{Today().Year}/{type}";
}
