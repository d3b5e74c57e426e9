using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Platform.Portal.PublicDocuments;

/// <summary>How the portal proves who it is when it asks another service (gRPC or HTTP).</summary>
public interface IServiceCallCredentials
{
    Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}

/// <summary>Section ServiceAccount: the portal's confidential client for service calls (portal-backend in the realm).</summary>
public sealed class ServiceAccountOptions
{
    public const string Section = "ServiceAccount";
    public string ClientId { get; set; } = "portal-backend";
    public string? ClientSecret { get; set; }
    /// <summary>Empty: the Keycloak token path under the realm of Identity:MetadataAddress or Identity:Issuer.</summary>
    public string? TokenEndpoint { get; set; }
}

/// <summary>
/// A client-credentials access token from the realm, kept until shortly before it expires so
/// a page view does not cost a token request.
/// </summary>
public sealed class ClientCredentialsToken(HttpClient http, IOptions<ServiceAccountOptions> options, IConfiguration configuration, TimeProvider clock)
    : IServiceCallCredentials, IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public async Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && fresh.RenewAt > clock.GetUtcNow()) return fresh.Token;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && again.RenewAt > clock.GetUtcNow()) return again.Token;
            var account = options.Value;
            using var response = await http.PostAsync(TokenEndpoint(account), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = account.ClientId,
                ["client_secret"] = account.ClientSecret ?? "",
            }), cancellationToken);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new InvalidOperationException("The token endpoint answered no token.");
            // Renewed a minute early: a token that expires on its way to Documents is refused there.
            _current = (token.AccessToken, clock.GetUtcNow().AddSeconds(Math.Max(token.ExpiresIn - 60, 0)));
            return token.AccessToken;
        }
        finally
        {
            _lock.Release();
        }
    }

    private Uri TokenEndpoint(ServiceAccountOptions account)
    {
        if (!string.IsNullOrEmpty(account.TokenEndpoint)) return new Uri(account.TokenEndpoint);
        var realm = configuration["Identity:MetadataAddress"]?.Replace("/.well-known/openid-configuration", "", StringComparison.Ordinal)
            ?? configuration["Identity:Issuer"]
            ?? throw new InvalidOperationException("Identity:Issuer is not set.");
        return new Uri($"{realm.TrimEnd('/')}/protocol/openid-connect/token");
    }

    public void Dispose() => _lock.Dispose();

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

/// <summary>Adds the portal's credentials to every request to another service.</summary>
public sealed class ServiceCredentialsHandler(IServiceCallCredentials credentials) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await credentials.ApplyAsync(request, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
