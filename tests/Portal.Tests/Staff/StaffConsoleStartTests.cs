using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Client;
using Platform.TestSupport;

namespace Platform.Portal.Tests.Staff;

/// <summary>
/// The console's sign-in client is built before the portal listens, at every start. Its keys
/// only satisfy OpenIddict (state goes through Data Protection), so none may be an RSA key:
/// generating the two 4096-bit defaults cost seconds of CPU and held up a restarted portal.
/// </summary>
public sealed class StaffConsoleStartTests
{
    [Test]
    public void The_sign_in_client_makes_no_RSA_key_at_start()
    {
        using var portal = new PortalFactory(DatabaseKind.Sqlite);
        var options = portal.Services.GetRequiredService<IOptionsMonitor<OpenIddictClientOptions>>().CurrentValue;

        var keys = options.EncryptionCredentials.Select(c => c.Key).Concat(options.SigningCredentials.Select(c => c.Key)).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(options.EncryptionCredentials, Is.Not.Empty, "OpenIddict still gets an encryption key");
            Assert.That(options.SigningCredentials, Is.Not.Empty, "OpenIddict still gets a signing key");
            Assert.That(keys, Has.None.InstanceOf<RsaSecurityKey>());
        });
    }
}
