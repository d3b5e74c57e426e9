using System.Net;
using Platform.Identity.Tests.Support;
using Platform.TestSupport;

namespace Platform.Identity.Tests;

/// <summary>Wrong credentials get the OAuth errors OpenIddict writes, as Keycloak's clients expect.</summary>
public sealed class RefusalTests
{
    private static IdentityServer Host => SharedIdentity.Host;

    [Test]
    public async Task A_wrong_password_is_refused_with_invalid_grant()
    {
        using var http = Host.Browser();
        var response = await Oidc.PasswordGrant(http, "bientap", "khong-dung");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Error, Is.EqualTo("invalid_grant"));
        Assert.That(response.Get("error_description"), Is.EqualTo("Invalid user credentials"));
    }

    [Test]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        using var http = Host.Browser();
        var response = await Oidc.PasswordGrant(http, "khongtontai", Oidc.Password);

        Assert.That(response.Error, Is.EqualTo("invalid_grant"));
        Assert.That(response.Get("error_description"), Is.EqualTo("Invalid user credentials"));
    }

    [Test]
    public async Task An_unknown_client_is_refused_with_invalid_client()
    {
        using var http = Host.Browser();
        var response = await Oidc.PasswordGrant(http, "vanthu", clientId: "khong-co");

        Assert.That(response.Error, Is.EqualTo("invalid_client"));
    }

    [Test]
    public async Task A_wrong_client_secret_is_refused_with_invalid_client()
    {
        using var http = Host.Browser();
        var response = await Oidc.ClientCredentials(http, "documents", "tasks-secret-dev");

        Assert.That(response.Error, Is.EqualTo("invalid_client"));
    }

    [Test]
    public async Task A_client_without_direct_access_grants_cannot_use_the_password_grant()
    {
        using var http = Host.Browser();
        var response = await Oidc.PasswordGrant(http, "vanthu", clientId: "portal", secret: "portal-secret-dev");

        Assert.That(response.Error, Is.EqualTo("unauthorized_client"));
    }

    [Test]
    public async Task A_public_client_cannot_use_client_credentials()
    {
        using var http = Host.Browser();
        var response = await Oidc.Token(http, new() { ["grant_type"] = "client_credentials", ["client_id"] = "platform-cli" });

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Error, Is.EqualTo("invalid_request"), "OpenIddict asks for the secret a client credentials grant needs");
    }

    [Test]
    public async Task A_service_account_cannot_sign_in_with_a_password()
    {
        using var http = Host.Browser();
        var response = await Oidc.PasswordGrant(http, "service-account-documents", "");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
