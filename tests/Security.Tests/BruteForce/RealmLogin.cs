using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Security.Tests.BruteForce;

/// <summary>The two doors a password goes through: the token endpoint (password grant) and the login page.</summary>
public static partial class RealmLogin
{
    public const string Password = "Matkhau@123";
    private const string TokenPath = "realms/platform/protocol/openid-connect/token";

    public static async Task<(HttpStatusCode Status, string? Error, string? AccessToken)> PasswordGrantAsync(HttpClient http, string username, string password)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "platform-cli", ["username"] = username, ["password"] = password,
        });
        using var response = await http.PostAsync(TokenPath, form);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode,
            body.TryGetProperty("error", out var error) ? error.GetString() : null,
            body.TryGetProperty("access_token", out var token) ? token.GetString() : null);
    }

    /// <summary>Goes from an authorization request to the login page and submits it; a 302 back to the request means signed in.</summary>
    public static async Task<HttpStatusCode> LoginPageAsync(HttpClient browser, string username, string password)
    {
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Base64Url(RandomNumberGenerator.GetBytes(32)))));
        var authorize = "realms/platform/protocol/openid-connect/auth?client_id=portal&response_type=code&scope=openid" +
            $"&redirect_uri={Uri.EscapeDataString("http://127.0.0.1:49152/signin-oidc")}&state=s&nonce=n&code_challenge={challenge}&code_challenge_method=S256";
        using var toLogin = await browser.GetAsync(authorize);
        if (toLogin.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"authorize answered {(int)toLogin.StatusCode}");
        using var submitted = await SubmitAsync(browser, toLogin.Headers.Location!, username, password);
        return submitted.StatusCode;
    }

    /// <summary>Reads the login page at <paramref name="loginUrl"/> and posts it back filled in (its hidden fields kept).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, Uri loginUrl, string username, string password)
    {
        var page = await browser.GetStringAsync(loginUrl);
        var fields = HiddenInput().Matches(page).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["username"] = username;
        fields["password"] = password;
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(loginUrl, form);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();
}
