using System.Security.Claims;
using Platform.Portal.Staff.SignIn;
using Platform.ServiceDefaults.Auth;

namespace Platform.Portal.Tests.Staff;

public sealed class StaffSignInTests
{
    [TestCase("/staff/van-ban-den", "/staff/van-ban-den")]
    [TestCase("/", "/")]
    [TestCase("//evil.example/staff", "/staff")]
    [TestCase("/\\evil.example", "/staff")]
    [TestCase("https://evil.example/", "/staff")]
    [TestCase("", "/staff")]
    [TestCase(null, "/staff")]
    public void After_sign_in_a_person_only_ever_returns_to_a_page_of_this_site(string? requested, string expected) =>
        Assert.That(SignInEndpoints.LocalOrHome(requested), Is.EqualTo(expected));

    [Test]
    public void The_console_identity_takes_roles_unit_and_clearance_from_the_access_token()
    {
        var token = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("preferred_username", "lanhdao"),
            new Claim("unit", "VP"),
            new Claim("clearance", "top-secret"),
            new Claim("realm_access", """{"roles":["leader","offline_access","default-roles-platform"]}"""),
        ], "token"));

        var principal = StaffSession.PrincipalFrom(token, "Lê Quang Hùng");

        Assert.Multiple(() =>
        {
            Assert.That(principal.Identity!.IsAuthenticated, Is.True);
            Assert.That(principal.Identity.Name, Is.EqualTo("lanhdao"));
            Assert.That(principal.FindFirst("name")!.Value, Is.EqualTo("Lê Quang Hùng"));
            Assert.That(principal.Unit(), Is.EqualTo("VP"));
            Assert.That(principal.Clearance(), Is.EqualTo(Platform.Contracts.Secrecy.TopSecret));
            Assert.That(principal.IsInRole(Roles.Leader), Is.True);
            // Only the platform's own roles: Keycloak's technical ones mean nothing to the console.
            Assert.That(principal.FindAll(ClaimTypes.Role).Select(c => c.Value), Is.EqualTo(new[] { Roles.Leader }));
        });
    }

    [Test]
    public void A_token_without_clearance_or_roles_gives_a_person_who_may_see_nothing_secret()
    {
        var principal = StaffSession.PrincipalFrom(new ClaimsPrincipal(new ClaimsIdentity([new Claim("preferred_username", "x")], "token")), null);
        Assert.That(principal.Clearance(), Is.EqualTo(Platform.Contracts.Secrecy.None));
        Assert.That(principal.FindAll(ClaimTypes.Role), Is.Empty);
        Assert.That(principal.FindFirst("name")!.Value, Is.EqualTo("x"));
    }
}
