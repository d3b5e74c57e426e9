using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;

namespace Platform.Documents.Exchange;

/// <summary>
/// Delivers packages to another instance of this platform: POST of the edXML to the recipient's
/// endpoint from the agency directory. The receiver answers 2xx with <c>{"status":"01"}</c>, or a
/// ProblemDetails when it refuses the package (4xx); anything else is worth a retry. Each call is
/// signed for the recipient with the key we share with it (<see cref="ExchangeCallerSignature"/>).
/// </summary>
public sealed class HttpExchangeChannel(HttpClient http, string? selfCode = null, TimeProvider? clock = null) : IExchangeChannel
{
    public bool Reaches(Agency recipient) => recipient.Endpoint is not null;

    public async Task<DeliveryResult> SendAsync(Agency recipient, XDocument package, CancellationToken cancellationToken)
    {
        if (recipient.Endpoint is null)
        {
            return new DeliveryResult.Rejected($"Cơ quan {recipient.Code} không có địa chỉ nhận trực tiếp; phải gửi qua trục liên thông.");
        }
        var body = Encoding.UTF8.GetBytes((package.Declaration?.ToString() ?? "") + package.ToString(SaveOptions.DisableFormatting));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" };
        if (selfCode is not null && recipient.Key is not null)
        {
            foreach (var (name, value) in ExchangeCallerSignature.Headers(selfCode, recipient.Key, body, (clock ?? TimeProvider.System).GetUtcNow()))
            {
                content.Headers.Add(name, value);
            }
        }
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(recipient.Endpoint, content, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult.Unreachable(e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult.Unreachable("Hết thời gian chờ bên nhận trả lời.");
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var answer = await ReadAsync<FeedbackAnswer>(response, cancellationToken);
                return FeedbackCodes.Parse(answer?.Status) is { } feedback
                    ? new DeliveryResult.Delivered(feedback)
                    : new DeliveryResult.Unreachable($"Bên nhận trả lời {(int)response.StatusCode} mà không có mã trạng thái hợp lệ.");
            }
            if (IsPermanent(response.StatusCode))
            {
                var problem = await ReadAsync<ProblemAnswer>(response, cancellationToken);
                return new DeliveryResult.Rejected(problem?.Detail ?? problem?.Title ?? $"Bên nhận từ chối gói tin ({(int)response.StatusCode}).");
            }
            return new DeliveryResult.Unreachable($"Bên nhận trả lời {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }

    /// <summary>A 4xx says the package itself is wrong, except the ones that mean "not now".</summary>
    private static bool IsPermanent(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound);

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) where T : class
    {
        try { return await response.Content.ReadFromJsonAsync<T>(cancellationToken); }
        catch (System.Text.Json.JsonException) { return null; }
        catch (NotSupportedException) { return null; }
    }

    private sealed record FeedbackAnswer(string? Status);

    private sealed record ProblemAnswer(string? Title, string? Detail);
}
