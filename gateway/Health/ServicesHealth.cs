using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Platform.Gateway.Routing;
using Platform.ServiceDefaults.Health;

namespace Platform.Gateway.Health;

/// <summary>
/// One page that shows whether every service is ready, asked in parallel. Operators open
/// /status in a browser; monitors read the same at /health/services as JSON.
/// </summary>
public static class ServicesHealth
{
    public sealed record ServiceStatus(string Service, string Status, int? HttpStatus, long ElapsedMs, string Address);

    public static IEndpointRouteBuilder MapServicesHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/services", async (IHttpClientFactory clients, IConfiguration configuration, CancellationToken cancellationToken) =>
        {
            var statuses = await CheckAllAsync(clients, configuration, cancellationToken);
            var healthy = statuses.All(s => s.Status == "Healthy");
            return Results.Json(new { status = healthy ? "Healthy" : "Unhealthy", services = statuses },
                statusCode: healthy ? 200 : 503);
        }).AllowAnonymous();
        endpoints.MapGet("/status", async (IHttpClientFactory clients, IConfiguration configuration, CancellationToken cancellationToken) =>
        {
            var statuses = await CheckAllAsync(clients, configuration, cancellationToken);
            return Results.Content(Render(statuses), "text/html; charset=utf-8", Encoding.UTF8,
                statuses.All(s => s.Status == "Healthy") ? 200 : 503);
        }).AllowAnonymous();
        return endpoints;
    }

    public static async Task<ServiceStatus[]> CheckAllAsync(IHttpClientFactory clients, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var addresses = ServiceAddresses.Read(configuration);
        var client = clients.CreateClient("health");
        return await Task.WhenAll(addresses.OrderBy(a => a.Key).Select(a => CheckAsync(client, a.Key, a.Value, cancellationToken)));
    }

    private static async Task<ServiceStatus> CheckAsync(HttpClient client, string name, Uri address, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(new Uri(address, HealthEndpoints.ReadyPath), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = response.IsSuccessStatusCode ? ReadStatus(body) : "Unhealthy";
            return new ServiceStatus(name, status, (int)response.StatusCode, watch.ElapsedMilliseconds, address.ToString());
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new ServiceStatus(name, "Unreachable", null, watch.ElapsedMilliseconds, address.ToString());
        }
    }

    private static string ReadStatus(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("status", out var status) ? status.GetString() ?? "Unknown" : "Unknown";
        }
        catch (JsonException)
        {
            return "Unknown";
        }
    }

    private static string Render(IEnumerable<ServiceStatus> statuses)
    {
        var rows = new StringBuilder();
        foreach (var s in statuses)
        {
            var label = s.Status switch { "Healthy" => "Hoạt động", "Unreachable" => "Không kết nối được", _ => "Có sự cố" };
            rows.Append("<tr><th scope=\"row\">").Append(WebUtility.HtmlEncode(s.Service)).Append("</th><td>")
                .Append(WebUtility.HtmlEncode(label)).Append(" (").Append(WebUtility.HtmlEncode(s.Status)).Append(")</td><td>")
                .Append(s.ElapsedMs).Append(" ms</td></tr>");
        }
        return $"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Tình trạng hệ thống</title></head>
            <body><main><h1>Tình trạng các dịch vụ</h1>
            <table><thead><tr><th scope="col">Dịch vụ</th><th scope="col">Trạng thái</th><th scope="col">Thời gian phản hồi</th></tr></thead>
            <tbody>{rows}</tbody></table></main></body></html>
            """;
    }
}
