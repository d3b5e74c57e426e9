using System.Net;
using System.Text.Json;
using Platform.Identity.Tests.Support;
using Platform.TestSupport;

namespace Platform.Identity.Tests;

/// <summary>A service validating tokens the platform's way (OpenIddict validation, issuer discovery) accepts ours.</summary>
public sealed class ResourceServerTests
{
    private static IdentityServer Host => SharedIdentity.Host;

    [Test]
    public async Task A_resource_server_with_openiddict_validation_accepts_the_access_token()
    {
        await using var api = await ResourceServer.StartAsync(Host.Issuer.AbsoluteUri);
        using var http = Host.Browser();
        var token = (await Oidc.PasswordGrant(http, "lanhdao")).AccessToken;

        using var response = await api.WhoAmI(token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(me.GetProperty("unit").GetString(), Is.EqualTo("VP"));
        Assert.That(me.GetProperty("clearance").GetString(), Is.EqualTo("top-secret"));
    }

    [Test]
    public async Task A_resource_server_accepts_a_service_account_token()
    {
        await using var api = await ResourceServer.StartAsync(Host.Issuer.AbsoluteUri);
        using var http = Host.Browser();
        var token = (await Oidc.ClientCredentials(http, "reporting", "reporting-secret-dev")).AccessToken;

        using var response = await api.WhoAmI(token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_expired_token_is_refused()
    {
        using var http = Host.Browser();
        var token = (await Oidc.PasswordGrant(http, "lanhdao")).AccessToken;
        // The API's clock runs past the five-minute lifetime; OpenIddict validation allows no clock skew.
        await using var api = await ResourceServer.StartAsync(Host.Issuer.AbsoluteUri, new ShiftedClock(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5)));

        using var response = await api.WhoAmI(token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_token_with_one_payload_character_changed_is_refused()
    {
        await using var api = await ResourceServer.StartAsync(Host.Issuer.AbsoluteUri);
        using var http = Host.Browser();
        var parts = (await Oidc.PasswordGrant(http, "lanhdao")).AccessToken.Split('.');
        var payload = parts[1].ToCharArray();
        var middle = payload.Length / 2;
        payload[middle] = payload[middle] == 'A' ? 'B' : 'A';
        var tampered = string.Join('.', parts[0], new string(payload), parts[2]);

        using var response = await api.WhoAmI(tampered);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_request_without_a_token_is_refused()
    {
        await using var api = await ResourceServer.StartAsync(Host.Issuer.AbsoluteUri);

        using var response = await api.Client.GetAsync("/whoami");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
