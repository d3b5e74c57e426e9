using System.Net;
using System.Text.Json;
using Platform.Identity.Tests.Support;
using Platform.TestSupport;

namespace Platform.Identity.Tests;

public sealed class DiscoveryTests
{
    private static IdentityServer Host => SharedIdentity.Host;

    [Test]
    public async Task Discovery_document_is_served_at_the_keycloak_path_with_the_realm_issuer()
    {
        using var http = Host.Browser();
        var document = await GetJson(http, "realms/platform/.well-known/openid-configuration");

        var realm = Host.Issuer.AbsoluteUri;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.GetProperty("issuer").GetString(), Is.EqualTo(realm));
            Assert.That(realm, Does.Not.EndWith("/"));
            Assert.That(document.GetProperty("jwks_uri").GetString(), Is.EqualTo(realm + "/protocol/openid-connect/certs"));
            Assert.That(document.GetProperty("token_endpoint").GetString(), Is.EqualTo(realm + "/protocol/openid-connect/token"));
            Assert.That(document.GetProperty("authorization_endpoint").GetString(), Is.EqualTo(realm + "/protocol/openid-connect/auth"));
            Assert.That(document.GetProperty("userinfo_endpoint").GetString(), Is.EqualTo(realm + "/protocol/openid-connect/userinfo"));
            Assert.That(document.GetProperty("end_session_endpoint").GetString(), Is.EqualTo(realm + "/protocol/openid-connect/logout"));
            Assert.That(document.GetProperty("introspection_endpoint").GetString(), Is.EqualTo(realm + "/protocol/openid-connect/token/introspect"));
            Assert.That(document.GetProperty("revocation_endpoint").GetString(), Is.EqualTo(realm + "/protocol/openid-connect/revoke"));
            Assert.That(document.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "S256" }));
        }
    }

    [Test]
    public async Task Signing_keys_are_published_at_the_keycloak_certs_path()
    {
        using var http = Host.Browser();
        var keys = (await GetJson(http, "realms/platform/protocol/openid-connect/certs")).GetProperty("keys").EnumerateArray().ToList();

        Assert.That(keys, Has.Count.EqualTo(1));
        var key = keys[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.GetProperty("kty").GetString(), Is.EqualTo("RSA"));
            Assert.That(key.GetProperty("use").GetString(), Is.EqualTo("sig"));
            Assert.That(key.GetProperty("kid").GetString(), Is.Not.Empty);
            Assert.That(key.TryGetProperty("d", out _), Is.False, "the private exponent must never be published");
        }
    }

    [Test]
    public async Task Paths_of_another_realm_are_not_served()
    {
        using var http = Host.Browser();
        using var response = await http.GetAsync("realms/master/.well-known/openid-configuration");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    internal static async Task<JsonElement> GetJson(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
