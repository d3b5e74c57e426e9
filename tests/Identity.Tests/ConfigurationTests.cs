using System.Net;
using Platform.Identity.Tests.Support;
using Platform.TestSupport;

namespace Platform.Identity.Tests;

/// <summary>Identity:PublicUrl (the gateway's URL in local runs) and Identity:AccessTokenLifetime.</summary>
public sealed class ConfigurationTests
{
    private const string Gateway = "http://gateway.test:8080";
    private IdentityServer host = null!;

    [OneTimeSetUp]
    public void Start() => host = IdentityServer.Start<Program>(settings: new Dictionary<string, string?>
    {
        ["Identity:PublicUrl"] = Gateway + "/",
        ["Identity:AccessTokenLifetime"] = "00:01:30",
    });

    [OneTimeTearDown]
    public async Task Stop() => await host.DisposeAsync();

    [Test]
    public async Task The_public_url_makes_the_issuer_and_every_endpoint()
    {
        using var http = host.Browser();
        var document = await DiscoveryTests.GetJson(http, "realms/platform/.well-known/openid-configuration");

        Assert.That(document.GetProperty("issuer").GetString(), Is.EqualTo(Gateway + "/realms/platform"));
        Assert.That(document.GetProperty("token_endpoint").GetString(), Is.EqualTo(Gateway + "/realms/platform/protocol/openid-connect/token"));
    }

    [Test]
    public async Task Tokens_name_the_public_issuer_and_live_as_long_as_configured()
    {
        using var http = host.Browser();
        var response = await Oidc.PasswordGrant(http, "vanthu");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body.ToString());
        var claims = Oidc.Payload(response.AccessToken);
        Assert.That(claims.GetProperty("iss").GetString(), Is.EqualTo(Gateway + "/realms/platform"));
        Assert.That(claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64(), Is.EqualTo(90));
    }
}
