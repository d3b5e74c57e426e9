using System.Text.Json;
using Platform.Identity.Tests.Support;
using Platform.TestSupport;

namespace Platform.Identity.Tests;

/// <summary>The access token looks like one from Keycloak with the same realm file.</summary>
public sealed class AccessTokenTests
{
    private static IdentityServer Host => SharedIdentity.Host;

    [Test]
    public async Task Access_token_is_a_signed_rfc9068_jwt_that_is_not_encrypted()
    {
        var token = await TokenFor("vanthu");
        var header = Oidc.Header(token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token.Split('.'), Has.Length.EqualTo(3), "a JWS has three parts, a JWE five");
            Assert.That(header.GetProperty("typ").GetString(), Is.EqualTo("at+jwt"));
            Assert.That(header.GetProperty("alg").GetString(), Is.EqualTo("RS256"));
        }
        using var http = Host.Browser();
        var jwks = await DiscoveryTests.GetJson(http, "realms/platform/protocol/openid-connect/certs");
        Assert.That(jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()),
            Does.Contain(header.GetProperty("kid").GetString()));
    }

    [Test]
    public async Task Access_token_carries_keycloak_claims()
    {
        var claims = Oidc.Payload(await TokenFor("vanthu"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(claims.GetProperty("iss").GetString(), Is.EqualTo(Host.Issuer.AbsoluteUri));
            Assert.That(claims.GetProperty("sub").GetString(), Is.EqualTo("6b0c4a1e-2f5d-4c1b-9a0e-1f3d5c7a9b01"), "the user's id in the realm file");
            Assert.That(claims.GetProperty("aud").GetString(), Is.EqualTo("platform-api"));
            Assert.That(claims.GetProperty("azp").GetString(), Is.EqualTo("platform-cli"));
            Assert.That(claims.GetProperty("scope").GetString(), Is.EqualTo("openid profile email"));
            Assert.That(claims.GetProperty("jti").GetString(), Is.Not.Empty);
            Assert.That(claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64(), Is.EqualTo(300), "five minutes by default");
            Assert.That(claims.GetProperty("preferred_username").GetString(), Is.EqualTo("vanthu"));
            Assert.That(claims.GetProperty("name").GetString(), Is.EqualTo("Hoa Nguyễn Thị"), "Keycloak writes first name then last name");
            Assert.That(claims.GetProperty("email").GetString(), Is.EqualTo("vanthu@vanphong.ubnd.example"));
            Assert.That(claims.GetProperty("unit").GetString(), Is.EqualTo("VP"));
            Assert.That(claims.GetProperty("clearance").GetString(), Is.EqualTo("confidential"));
        }
    }

    [Test]
    public async Task Realm_roles_are_a_json_array_inside_the_realm_access_object()
    {
        var claims = Oidc.Payload(await TokenFor("lanhdao"));
        var realmAccess = claims.GetProperty("realm_access");

        Assert.That(realmAccess.ValueKind, Is.EqualTo(JsonValueKind.Object), "not a string holding JSON");
        var roles = realmAccess.GetProperty("roles");
        Assert.That(roles.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(roles.EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "leader" }));
    }

    [TestCase("vanthu", "clerk", "VP", "confidential")]
    [TestCase("chuyenvien", "specialist", "KT", "none")]
    [TestCase("lanhdao", "leader", "VP", "top-secret")]
    [TestCase("bientap", "portal-editor", "TH", "none")]
    [TestCase("quantri", "administrator", "VP", "secret")]
    public async Task Each_sample_user_has_the_role_unit_and_clearance_of_the_realm_file(string username, string role, string unit, string clearance)
    {
        var claims = Oidc.Payload(await TokenFor(username));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(claims.GetProperty("realm_access").GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Does.Contain(role));
            Assert.That(claims.GetProperty("unit").GetString(), Is.EqualTo(unit));
            Assert.That(claims.GetProperty("clearance").GetString(), Is.EqualTo(clearance));
        }
    }

    [Test]
    public async Task Identity_token_names_the_client_as_audience_and_leaves_out_the_roles()
    {
        using var http = Host.Browser();
        var idToken = (await Oidc.PasswordGrant(http, "chuyenvien")).Get("id_token")!;
        var claims = Oidc.Payload(idToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(claims.GetProperty("aud").GetString(), Is.EqualTo("platform-cli"));
            Assert.That(claims.GetProperty("unit").GetString(), Is.EqualTo("KT"));
            Assert.That(claims.TryGetProperty("realm_access", out _), Is.False);
        }
    }

    private static async Task<string> TokenFor(string username)
    {
        using var http = Host.Browser();
        var response = await Oidc.PasswordGrant(http, username);
        Assert.That(response.Status, Is.EqualTo(System.Net.HttpStatusCode.OK), response.Body.ToString());
        return response.AccessToken;
    }
}
