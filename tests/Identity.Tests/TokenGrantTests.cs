using System.Net;
using Platform.Identity.Tests.Support;
using Platform.TestSupport;

namespace Platform.Identity.Tests;

public sealed class TokenGrantTests
{
    private static IdentityServer Host => SharedIdentity.Host;

    [Test]
    public async Task Password_grant_gives_access_id_and_refresh_tokens()
    {
        using var http = Host.Browser();
        var response = await Oidc.PasswordGrant(http, "vanthu");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Get("token_type"), Is.EqualTo("Bearer"));
            Assert.That(response.Get("id_token"), Is.Not.Null);
            Assert.That(response.Get("refresh_token"), Is.Not.Null, "Keycloak returns a refresh token without offline_access");
            Assert.That(response.Get("scope"), Is.EqualTo("openid profile email"));
            Assert.That(response.Body.GetProperty("expires_in").GetInt32(), Is.InRange(290, 300));
        }
    }

    [Test]
    public async Task Username_is_matched_without_regard_to_case_like_keycloak()
    {
        using var http = Host.Browser();
        var response = await Oidc.PasswordGrant(http, "ChuyenVien");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body.ToString());
        Assert.That(Oidc.Payload(response.AccessToken).GetProperty("preferred_username").GetString(), Is.EqualTo("chuyenvien"));
    }

    [Test]
    public async Task Refresh_token_gives_a_new_access_token_for_the_same_user()
    {
        using var http = Host.Browser();
        var first = await Oidc.PasswordGrant(http, "lanhdao");
        var refreshed = await Oidc.Token(http, new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "platform-cli", ["refresh_token"] = first.Get("refresh_token"),
        });

        Assert.That(refreshed.Status, Is.EqualTo(HttpStatusCode.OK), refreshed.Body.ToString());
        Assert.That(Oidc.Payload(refreshed.AccessToken).GetProperty("sub").GetString(),
            Is.EqualTo(Oidc.Payload(first.AccessToken).GetProperty("sub").GetString()));
    }

    [Test]
    public async Task Client_credentials_grant_speaks_for_the_clients_service_account()
    {
        using var http = Host.Browser();
        var response = await Oidc.ClientCredentials(http, "documents", "documents-secret-dev");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body.ToString());
        var claims = Oidc.Payload(response.AccessToken);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(claims.GetProperty("sub").GetString(), Is.EqualTo("6b0c4a1e-2f5d-4c1b-9a0e-1f3d5c7a9c01"));
            Assert.That(claims.GetProperty("preferred_username").GetString(), Is.EqualTo("service-account-documents"));
            Assert.That(claims.GetProperty("azp").GetString(), Is.EqualTo("documents"));
            Assert.That(claims.GetProperty("aud").GetString(), Is.EqualTo("platform-api"));
            Assert.That(claims.GetProperty("realm_access").GetProperty("roles").EnumerateArray().Select(r => r.GetString()),
                Is.EqualTo(new[] { "service" }));
            Assert.That(response.Get("refresh_token"), Is.Null, "Keycloak gives no refresh token to client credentials");
        }
    }

    [TestCase("tasks")]
    [TestCase("portal-backend")]
    [TestCase("gazette")]
    [TestCase("reporting")]
    public async Task Every_service_client_can_get_a_token_with_its_secret(string clientId)
    {
        using var http = Host.Browser();
        var response = await Oidc.ClientCredentials(http, clientId, clientId + "-secret-dev");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body.ToString());
        Assert.That(Oidc.Payload(response.AccessToken).GetProperty("preferred_username").GetString(), Is.EqualTo("service-account-" + clientId));
    }

    [Test]
    public async Task Userinfo_returns_the_profile_and_the_mapped_attributes()
    {
        using var http = Host.Browser();
        var token = (await Oidc.PasswordGrant(http, "quantri")).AccessToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, Oidc.UserInfoPath);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var info = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(info.GetProperty("preferred_username").GetString(), Is.EqualTo("quantri"));
            Assert.That(info.GetProperty("family_name").GetString(), Is.EqualTo("Đỗ Minh"));
            Assert.That(info.GetProperty("unit").GetString(), Is.EqualTo("VP"));
            Assert.That(info.GetProperty("clearance").GetString(), Is.EqualTo("secret"));
            Assert.That(info.TryGetProperty("realm_access", out _), Is.False, "the role mapper is off for userinfo in the realm file");
        }
    }
}
