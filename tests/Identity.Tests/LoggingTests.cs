using Platform.Identity.Tests.Support;
using Platform.TestSupport;

namespace Platform.Identity.Tests;

public sealed class LoggingTests
{
    [Test]
    public async Task Passwords_never_reach_the_logs()
    {
        var host = SharedIdentity.Host;
        using var http = host.Browser();
        const string wrong = "Sai-Mat-Khau-9f27";
        await Oidc.PasswordGrant(http, "chuyenvien", wrong);
        await Oidc.PasswordGrant(http, "chuyenvien");
        await Browser.SignInThrough(http, Browser.AuthorizeUrl("portal", Oidc.Pkce().Challenge), "chuyenvien");

        Assert.That(host.Logs!.Lines, Is.Not.Empty);
        Assert.That(host.Logs!.Lines.Where(line => line.Contains(wrong, StringComparison.Ordinal) || line.Contains(Oidc.Password, StringComparison.Ordinal)),
            Is.Empty);
    }
}
