using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Platform.AppHost;

namespace Platform.Faults.Tests;

/// <summary>What the last attempt of one request got.</summary>
public sealed record Answer(HttpStatusCode Status, string Body, int Attempts)
{
    public bool Accepted => (int)Status is >= 200 and < 300;
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}

/// <summary>
/// A client that does what a careful front end does when the platform is in trouble: a
/// request that got no answer (connection refused or cut, the gateway's 502/503/504 for a
/// service that is down) is sent again with the same Idempotency-Key until it is answered.
/// </summary>
public sealed class PatientClient(Uri gateway, Uri issuer) : IDisposable
{
    private static readonly TimeSpan TokenReuse = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(150);
    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, (string Token, DateTime At)> _tokens = new();
    private int _retries;

    /// <summary>Attempts beyond the first, over all requests: how often the faults were felt.</summary>
    public int Retries => _retries;

    public Task<Answer> PostAsync(string user, string path, Func<HttpContent> content) =>
        SendAsync(user, HttpMethod.Post, path, content, retry: true);

    public Task<Answer> GetAsync(string user, string path) => SendAsync(user, HttpMethod.Get, path, null, retry: true);

    /// <summary>One attempt only: for seeing what a caller is told while a dependency is down.</summary>
    public Task<Answer> PostOnceAsync(string user, string path, Func<HttpContent> content) =>
        SendAsync(user, HttpMethod.Post, path, content, retry: false);

    private async Task<Answer> SendAsync(string user, HttpMethod method, string path, Func<HttpContent>? content, bool retry)
    {
        var key = Guid.NewGuid().ToString();
        var deadline = DateTime.UtcNow + GiveUpAfter;
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 100 * attempt)));
            }
            try
            {
                var token = await TokenAsync(user);
                using var request = new HttpRequestMessage(method, path) { Content = content?.Invoke() }.WithBearer(token);
                request.Headers.Add("Idempotency-Key", key);
                using var response = await _http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var noAnswer = response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
                if (!noAnswer || !retry || DateTime.UtcNow > deadline) return new Answer(response.StatusCode, body, attempt);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
            {
                if (!retry || DateTime.UtcNow > deadline) return new Answer(0, exception.Message, attempt);
            }
        }
    }

    private async Task<string> TokenAsync(string user)
    {
        if (_tokens.TryGetValue(user, out var cached) && DateTime.UtcNow - cached.At < TokenReuse) return cached.Token;
        var token = await new RealmTokens(_http, issuer).PasswordAsync(user);
        _tokens[user] = (token, DateTime.UtcNow);
        return token;
    }

    public void Dispose() => _http.Dispose();
}
