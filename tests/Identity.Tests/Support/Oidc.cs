using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Identity.Tests.Support;

/// <summary>What a client of the realm does over HTTP, written out by hand.</summary>
public static class Oidc
{
    public const string Password = "Matkhau@123";
    public const string TokenPath = "realms/platform/protocol/openid-connect/token";
    public const string AuthorizePath = "realms/platform/protocol/openid-connect/auth";
    public const string LogoutPath = "realms/platform/protocol/openid-connect/logout";
    public const string UserInfoPath = "realms/platform/protocol/openid-connect/userinfo";

    public static Task<TokenResponse> PasswordGrant(HttpClient http, string username, string password = Password,
        string clientId = "platform-cli", string? secret = null, string scope = "openid") =>
        Token(http, new()
        {
            ["grant_type"] = "password", ["client_id"] = clientId, ["client_secret"] = secret,
            ["username"] = username, ["password"] = password, ["scope"] = scope,
        });

    public static Task<TokenResponse> ClientCredentials(HttpClient http, string clientId, string secret) =>
        Token(http, new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret });

    public static async Task<TokenResponse> Token(HttpClient http, Dictionary<string, string?> form)
    {
        using var content = new FormUrlEncodedContent(form.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, p.Value!)));
        using var response = await http.PostAsync(TokenPath, content);
        var body = await response.Content.ReadAsStringAsync();
        return new TokenResponse(response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static JsonElement Header(string jwt) => Part(jwt, 0);
    public static JsonElement Payload(string jwt) => Part(jwt, 1);

    private static JsonElement Part(string jwt, int index) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[index])).RootElement.Clone();
}

public sealed record TokenResponse(HttpStatusCode Status, JsonElement Body)
{
    public string AccessToken => Body.GetProperty("access_token").GetString()!;
    public string? Error => Body.TryGetProperty("error", out var error) ? error.GetString() : null;
    public string? Get(string name) => Body.TryGetProperty(name, out var value) ? value.GetString() : null;
}
