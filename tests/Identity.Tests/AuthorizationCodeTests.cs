using System.Net;
using Platform.Identity.Tests.Support;
using Platform.TestSupport;

namespace Platform.Identity.Tests;

public sealed class AuthorizationCodeTests
{
    private static IdentityServer Host => SharedIdentity.Host;

    [Test]
    public async Task Authorization_code_with_pkce_works_end_to_end_through_the_login_page()
    {
        using var http = Host.Browser();
        var (verifier, challenge) = Oidc.Pkce();

        var callback = await Browser.SignInThrough(http, Browser.AuthorizeUrl("portal", challenge), "vanthu");
        var query = Browser.Query(callback);
        Assert.That(callback.GetLeftPart(UriPartial.Path), Is.EqualTo(Browser.RedirectUri));
        Assert.That(query["state"], Is.EqualTo("s-123"));

        var tokens = await Oidc.Token(http, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = query["code"], ["redirect_uri"] = Browser.RedirectUri,
            ["client_id"] = "portal", ["client_secret"] = "portal-secret-dev", ["code_verifier"] = verifier,
        });

        Assert.That(tokens.Status, Is.EqualTo(HttpStatusCode.OK), tokens.Body.ToString());
        var claims = Oidc.Payload(tokens.AccessToken);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(claims.GetProperty("preferred_username").GetString(), Is.EqualTo("vanthu"));
            Assert.That(claims.GetProperty("azp").GetString(), Is.EqualTo("portal"));
            Assert.That(claims.GetProperty("realm_access").GetProperty("roles")[0].GetString(), Is.EqualTo("clerk"));
            Assert.That(Oidc.Payload(tokens.Get("id_token")!).GetProperty("nonce").GetString(), Is.EqualTo("n-456"));
            Assert.That(tokens.Get("refresh_token"), Is.Not.Null);
        }
    }

    [Test]
    public async Task Login_page_is_in_vietnamese_with_labelled_fields()
    {
        using var http = Host.Browser();
        using var toLogin = await http.GetAsync(Browser.AuthorizeUrl("portal", Oidc.Pkce().Challenge));
        Assert.That(toLogin.Headers.Location!.IsAbsoluteUri, Is.False, "a relative Location keeps the browser on the gateway's host");
        var html = await Browser.GetPage(http, toLogin.Headers.Location!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Contain("<html lang=\"vi\">"));
            Assert.That(html, Does.Contain("<label for=\"username\">Tên đăng nhập</label>"));
            Assert.That(html, Does.Contain("<input id=\"username\""));
            Assert.That(html, Does.Contain("<label for=\"password\">Mật khẩu</label>"));
            Assert.That(html, Does.Contain("<input id=\"password\" name=\"password\" type=\"password\""));
            Assert.That(html, Does.Contain("<button type=\"submit\">Đăng nhập</button>"));
            Assert.That(html, Does.Contain("UBND tỉnh — Văn phòng"));
        }
    }

    [Test]
    public async Task A_wrong_password_on_the_login_page_shows_an_error_and_no_session()
    {
        using var http = Host.Browser();
        using var toLogin = await http.GetAsync(Browser.AuthorizeUrl("portal", Oidc.Pkce().Challenge));
        var page = await Browser.GetPage(http, toLogin.Headers.Location!);

        using var submitted = await Browser.SubmitLogin(http, toLogin.Headers.Location!, page, "bientap", "sai-mat-khau");

        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await submitted.Content.ReadAsStringAsync(), Does.Contain("Tên đăng nhập hoặc mật khẩu không đúng."));
        using var again = await http.GetAsync(Browser.AuthorizeUrl("portal", Oidc.Pkce().Challenge));
        Assert.That(again.Headers.Location!.OriginalString, Does.Contain("login-actions/authenticate"));
    }

    [Test]
    public async Task A_login_post_without_the_antiforgery_token_is_refused()
    {
        using var http = Host.Browser();
        using var toLogin = await http.GetAsync(Browser.AuthorizeUrl("portal", Oidc.Pkce().Challenge));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "vanthu", ["password"] = Oidc.Password });

        using var submitted = await http.PostAsync(toLogin.Headers.Location!, form);

        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Redeeming_a_code_without_the_pkce_verifier_is_refused()
    {
        using var http = Host.Browser();
        var callback = await Browser.SignInThrough(http, Browser.AuthorizeUrl("portal", Oidc.Pkce().Challenge), "chuyenvien");

        var tokens = await Oidc.Token(http, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = Browser.Query(callback)["code"], ["redirect_uri"] = Browser.RedirectUri,
            ["client_id"] = "portal", ["client_secret"] = "portal-secret-dev",
        });

        Assert.That(tokens.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(tokens.Error, Is.AnyOf("invalid_grant", "invalid_request"));
    }

    [Test]
    public async Task Redeeming_a_code_with_a_wrong_pkce_verifier_is_refused()
    {
        using var http = Host.Browser();
        var callback = await Browser.SignInThrough(http, Browser.AuthorizeUrl("portal", Oidc.Pkce().Challenge), "chuyenvien");

        var tokens = await Oidc.Token(http, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = Browser.Query(callback)["code"], ["redirect_uri"] = Browser.RedirectUri,
            ["client_id"] = "portal", ["client_secret"] = "portal-secret-dev", ["code_verifier"] = Oidc.Pkce().Verifier,
        });

        Assert.That(tokens.Error, Is.EqualTo("invalid_grant"));
    }

    [TestCase("portal")]
    [TestCase("platform-cli")]
    public async Task An_authorization_request_without_a_code_challenge_is_refused(string clientId)
    {
        using var http = Host.Browser();
        using var response = await http.GetAsync(Browser.AuthorizeUrl(clientId, challenge: null));

        // OpenIddict answers before it has vouched for the redirect URI, so it shows the error instead of redirecting.
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Contain("error:invalid_request").And.Contain("code_challenge"));
    }

    [Test]
    public async Task A_public_client_completes_the_flow_with_pkce_and_no_secret()
    {
        using var http = Host.Browser();
        var (verifier, challenge) = Oidc.Pkce();
        const string loopback = "http://127.0.0.1:61234/callback";
        var callback = await Browser.SignInThrough(http, Browser.AuthorizeUrl("platform-cli", challenge, loopback), "quantri");

        var tokens = await Oidc.Token(http, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = Browser.Query(callback)["code"], ["redirect_uri"] = loopback,
            ["client_id"] = "platform-cli", ["code_verifier"] = verifier,
        });

        Assert.That(tokens.Status, Is.EqualTo(HttpStatusCode.OK), tokens.Body.ToString());
    }

    [TestCase("http://evil.example/signin-oidc")]
    [TestCase("http://127.0.0.1.evil.example/signin-oidc")]
    [TestCase("https://127.0.0.1/signin-oidc")]
    public async Task An_unregistered_redirect_uri_is_refused_without_redirecting(string redirectUri)
    {
        using var http = Host.Browser();
        using var response = await http.GetAsync(Browser.AuthorizeUrl("portal", Oidc.Pkce().Challenge, redirectUri));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_second_authorization_reuses_the_sso_session_without_the_login_page()
    {
        using var http = Host.Browser();
        await Browser.SignInThrough(http, Browser.AuthorizeUrl("portal", Oidc.Pkce().Challenge), "lanhdao");

        using var again = await http.GetAsync(Browser.AuthorizeUrl("portal", Oidc.Pkce().Challenge));

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(again.Headers.Location!.AbsoluteUri, Does.StartWith(Browser.RedirectUri + "?code="));
    }

    [Test]
    public async Task Logout_ends_the_session_and_returns_to_a_registered_post_logout_uri()
    {
        using var http = Host.Browser();
        await Browser.SignInThrough(http, Browser.AuthorizeUrl("portal", Oidc.Pkce().Challenge), "lanhdao");
        const string afterLogout = "http://127.0.0.1:49152/signout-callback-oidc";

        using var logout = await http.GetAsync(
            $"{Oidc.LogoutPath}?client_id=portal&post_logout_redirect_uri={Uri.EscapeDataString(afterLogout)}&state=bye");

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(logout.Headers.Location!.AbsoluteUri, Is.EqualTo(afterLogout + "?state=bye"));
        using var again = await http.GetAsync(Browser.AuthorizeUrl("portal", Oidc.Pkce().Challenge));
        Assert.That(again.Headers.Location!.OriginalString, Does.Contain("login-actions/authenticate"), "the session is gone");
    }

    [Test]
    public async Task Logout_refuses_an_unregistered_post_logout_uri()
    {
        using var http = Host.Browser();
        using var logout = await http.GetAsync(
            $"{Oidc.LogoutPath}?client_id=portal&post_logout_redirect_uri={Uri.EscapeDataString("http://evil.example/")}");

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
