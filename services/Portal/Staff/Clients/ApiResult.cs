using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Portal.Staff.Clients;

/// <summary>
/// What a service answered the console: the value, or a message a person can act on
/// (the service's own Vietnamese ProblemDetails when it sent one).
/// </summary>
public sealed record ApiResult<T>(T? Value, HttpStatusCode Status, string? Error, IReadOnlyDictionary<string, string[]> FieldErrors)
{
    public bool Succeeded => Error is null;

    public static async Task<ApiResult<T>> ReadAsync(HttpResponseMessage response, string service, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            var value = response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<T>(cancellationToken);
            return Success(value!, response.StatusCode);
        }
        var (detail, fields) = await ProblemOf(response, cancellationToken);
        return new(default, response.StatusCode, MessageFor(response.StatusCode, service, detail), fields);
    }

    public static ApiResult<T> Success(T value, HttpStatusCode status) => new(value, status, null, Empty);

    public static ApiResult<T> Unreachable(string service) =>
        new(default, HttpStatusCode.ServiceUnavailable, $"Dịch vụ {service} tạm thời không trả lời. Vui lòng thử lại sau ít phút.", Empty);

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    private static string MessageFor(HttpStatusCode status, string service, string? detail) => status switch
    {
        HttpStatusCode.Unauthorized => "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
        HttpStatusCode.Forbidden => detail ?? "Bạn không có quyền thực hiện thao tác này.",
        HttpStatusCode.NotFound => detail ?? "Không tìm thấy, hoặc bạn không có quyền xem.",
        >= HttpStatusCode.InternalServerError => $"Dịch vụ {service} đang gặp sự cố. Vui lòng thử lại sau.",
        _ => detail ?? "Yêu cầu không hợp lệ.",
    };

    private static async Task<(string? Detail, IReadOnlyDictionary<string, string[]> Fields)> ProblemOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json")) return (null, Empty);
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = problem.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, Empty);
            var fields = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errors.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Array))
                {
                    fields[field.Name] = field.Value.EnumerateArray().Select(e => e.ToString()).ToArray();
                }
            }
            var detail = Text(root, "detail") ?? (fields.Count > 0 ? string.Join(" ", fields.Values.SelectMany(v => v)) : Text(root, "title"));
            return (detail, fields);
        }
        catch (JsonException)
        {
            return (null, Empty);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
