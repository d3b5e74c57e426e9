using System.Net;
using Platform.Identity.Tests.Support;
using Platform.TestSupport;

namespace Platform.Identity.Tests;

public sealed class KeyPersistenceTests
{
    private readonly string dataFolder = TestServers.TempFolder("identity");

    [TearDown]
    public void DeleteDataFolder() => IdentityServer.DeleteFolder(dataFolder);

    [Test]
    public async Task Tokens_issued_before_a_restart_still_validate_after_it()
    {
        var port = FreePorts.Next();
        string accessToken, refreshToken, issuer;
        await using (var before = IdentityServer.Start<Program>(dataFolder, port: port))
        {
            using var http = before.Browser();
            var tokens = await Oidc.PasswordGrant(http, "vanthu");
            (accessToken, refreshToken, issuer) = (tokens.AccessToken, tokens.Get("refresh_token")!, before.Issuer.AbsoluteUri);
        }

        await using var after = IdentityServer.Start<Program>(dataFolder, port: port);
        await using var api = await ResourceServer.StartAsync(after.Issuer.AbsoluteUri);
        using var response = await api.WhoAmI(accessToken);
        using var client = after.Browser();
        var refreshed = await Oidc.Token(client, new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "platform-cli", ["refresh_token"] = refreshToken,
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Issuer.AbsoluteUri, Is.EqualTo(issuer));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "signed with the key kept in the data folder");
            Assert.That(refreshed.Status, Is.EqualTo(HttpStatusCode.OK), "refresh tokens are encrypted with the kept key too");
            Assert.That(File.Exists(Path.Combine(dataFolder, "identity", "signing-key.pem")), Is.True);
        }
    }
}
