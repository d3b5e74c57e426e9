using System.Net;
using System.Text.Json;
using Platform.AppHost;
using Platform.TestSupport;

namespace Platform.EndToEnd.Tests;

/// <summary>What the gateway does at the edge, against the real services and the real identity provider.</summary>
public sealed class EdgeTests
{
    private static HttpClient Gateway => RunningPlatform.Gateway;

    [TestCase("/api/documents/incoming")]
    [TestCase("/api/tasks")]
    [TestCase("/api/gazette/register")]
    [TestCase("/api/reports/documents")]
    [TestCase("/api/nothing-here")]
    public async Task An_anonymous_call_to_the_api_is_401(string path)
    {
        using var response = await Gateway.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_role_without_permission_gets_403()
    {
        var editor = await RunningPlatform.Tokens.PasswordAsync("bientap");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents/incoming").WithBearer(editor);
        using var response = await Gateway.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task A_tampered_token_is_refused()
    {
        var token = await RunningPlatform.Tokens.PasswordAsync("vanthu");
        var parts = token.Split('.');
        var payload = parts[1].ToCharArray();
        payload[10] = payload[10] == 'A' ? 'B' : 'A';
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents/incoming").WithBearer($"{parts[0]}.{new string(payload)}.{parts[2]}");
        using var response = await Gateway.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_service_account_token_from_client_credentials_reaches_a_service()
    {
        var token = await RunningPlatform.Tokens.ClientCredentialsAsync("portal-backend", "portal-backend-secret-dev");
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/reports/documents").WithBearer(token);
        using var readResponse = await Gateway.SendAsync(read);
        Assert.That(readResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a service account may read");
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/tasks").WithBearer(token);
        write.Content = System.Net.Http.Json.JsonContent.Create(new { content = "Nhiệm vụ", leadUnit = "SNV" });
        using var writeResponse = await Gateway.SendAsync(write);
        Assert.That(writeResponse.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "but never act for a person");
    }

    [Test]
    public async Task An_oversized_body_is_413_before_it_reaches_a_service()
    {
        var clerk = await RunningPlatform.Tokens.PasswordAsync("vanthu");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents/incoming").WithBearer(clerk);
        request.Content = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        request.Content.Headers.ContentType = new("application/json");
        using var response = await Gateway.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Every_service_shows_on_the_health_page()
    {
        using var response = await Gateway.GetAsync("/health/services");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var services = body.GetProperty("services").EnumerateArray().ToDictionary(
            s => s.GetProperty("service").GetString()!, s => s.GetProperty("status").GetString());
        Assert.That(services.Keys, Is.SupersetOf(new[] { "documents", "tasks", "portal", "gazette", "reporting", "identity" }));
        Assert.That(services.Values, Is.All.EqualTo("Healthy"));
        using var page = await Gateway.GetAsync("/status");
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("Tình trạng các dịch vụ").And.Contain("reporting"));
    }

    [Test]
    public async Task Responses_carry_a_correlation_id_and_security_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Correlation-Id", "test-correlation-0001");
        using var response = await Gateway.SendAsync(request);
        Assert.That(response.Headers.GetValues("X-Correlation-Id").Single(), Is.EqualTo("test-correlation-0001"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
        Assert.That(response.Headers.Contains("Content-Security-Policy"), Is.True);

        using var bad = new HttpRequestMessage(HttpMethod.Get, "/");
        bad.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>");
        using var replaced = await Gateway.SendAsync(bad);
        Assert.That(replaced.Headers.GetValues("X-Correlation-Id").Single(), Does.Match("^[0-9a-f]{32}$"));
    }
}
