using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Platform.AppHost;

/// <summary>Gets access tokens from the realm's token endpoint, as a script or a service would (sample content, tests).</summary>
public sealed class RealmTokens(HttpClient http, Uri issuer)
{
    public const string SamplePassword = "Matkhau@123";

    private Uri TokenEndpoint => new($"{issuer.ToString().TrimEnd('/')}/protocol/openid-connect/token");

    public async Task<string> PasswordAsync(string username, string password = SamplePassword, string clientId = "platform-cli",
        CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync(TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = clientId,
            ["username"] = username,
            ["password"] = password,
        }), cancellationToken);
        return await ReadTokenAsync(response);
    }

    public async Task<string> ClientCredentialsAsync(string clientId, string secret)
    {
        using var response = await http.PostAsync(TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        return await ReadTokenAsync(response);
    }

    private static async Task<string> ReadTokenAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token request failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}

public static class BearerExtensions
{
    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
