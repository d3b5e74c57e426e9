using System.Security.Claims;
using Platform.Reporting.Apis;
using Platform.ServiceDefaults.Auth;

namespace Platform.Reporting.Tests;

public sealed class ReportRequestTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ClaimsPrincipal Leader() =>
        new(new ClaimsIdentity([new Claim(PlatformClaims.Role, Roles.Leader)], "test", PlatformClaims.UsernameClaim, PlatformClaims.Role));

    // Found by tests/Security.Tests: a control character in the unit reached the workbook XML and answered 500.
    [TestCase("a\0b")]
    [TestCase("\u0001\u001b[31m")]
    public void A_unit_with_control_characters_is_refused_as_bad_input(string unit)
    {
        var outcome = ReportRequest.From(Leader(), "quarter", null, null, unit, Today);

        Assert.That(outcome.Request, Is.Null);
        Assert.That(outcome.Problem, Is.Not.Null);
    }

    [Test]
    public void A_unit_with_a_lone_surrogate_is_refused() =>
        // Built in code: an attribute argument cannot carry a lone surrogate intact.
        Assert.That(ReportRequest.From(Leader(), "quarter", null, null, "KT" + (char)0xD800, Today).Problem, Is.Not.Null);

    [Test]
    public void A_unit_longer_than_a_unit_code_is_refused()
    {
        var outcome = ReportRequest.From(Leader(), "quarter", null, null, new string('K', ReportRequest.MaxUnitLength + 1), Today);

        Assert.That(outcome.Problem, Is.Not.Null);
    }

    [Test]
    public void An_ordinary_unit_code_is_accepted()
    {
        var outcome = ReportRequest.From(Leader(), "quarter", null, null, " KT ", Today);

        Assert.That(outcome.Request?.Unit, Is.EqualTo("KT"));
    }
}
