using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Identity.Tests.Support;

/// <summary>The steps a browser takes through the authorization code flow, one redirect at a time.</summary>
public static partial class Browser
{
    public const string RedirectUri = "http://127.0.0.1:49152/signin-oidc";

    public static string AuthorizeUrl(string clientId, string? challenge, string redirectUri = RedirectUri, string state = "s-123",
        string scope = "openid profile", string? extra = null)
    {
        var query = $"client_id={clientId}&response_type=code&scope={Uri.EscapeDataString(scope)}" +
            $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&state={state}&nonce=n-456";
        if (challenge is not null) query += $"&code_challenge={challenge}&code_challenge_method=S256";
        return Oidc.AuthorizePath + "?" + query + extra;
    }

    /// <summary>Follows the authorize request to the login page, signs in, and returns where it ends: the client's redirect.</summary>
    public static async Task<Uri> SignInThrough(HttpClient http, string authorizeUrl, string username, string password = Oidc.Password)
    {
        using var toLogin = await http.GetAsync(authorizeUrl);
        Assert.That(toLogin.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await toLogin.Content.ReadAsStringAsync());
        var loginPage = await GetPage(http, toLogin.Headers.Location!);

        using var submitted = await SubmitLogin(http, toLogin.Headers.Location!, loginPage, username, password);
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a successful login goes back to the authorize request");

        using var authorized = await http.GetAsync(submitted.Headers.Location!);
        Assert.That(authorized.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await authorized.Content.ReadAsStringAsync());
        return authorized.Headers.Location!;
    }

    public static async Task<string> GetPage(HttpClient http, Uri location)
    {
        using var page = await http.GetAsync(location);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await page.Content.ReadAsStringAsync();
    }

    public static async Task<HttpResponseMessage> SubmitLogin(HttpClient http, Uri loginLocation, string loginPage, string username, string password)
    {
        var fields = HiddenFields(loginPage);
        fields["username"] = username;
        fields["password"] = password;
        using var form = new FormUrlEncodedContent(fields);
        return await http.PostAsync(loginLocation, form);
    }

    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    public static Dictionary<string, string> Query(Uri uri) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();
}
