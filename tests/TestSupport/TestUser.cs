using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Auth;

namespace Platform.TestSupport;

/// <summary>
/// A signed-in person for service-level tests, sent as a header and turned into the same
/// claims a realm token carries. Token validation itself is tested against the real
/// identity server in the Identity, Gateway and end-to-end tests.
/// </summary>
public sealed record TestUser(string Username, string Unit, string Clearance, params string[] Roles)
{
    public const string Header = "X-Test-User";

    public static readonly TestUser Clerk = new("vanthu", "VP", "confidential", Platform.ServiceDefaults.Auth.Roles.Clerk);
    public static readonly TestUser Specialist = new("chuyenvien", "KT", "none", Platform.ServiceDefaults.Auth.Roles.Specialist);
    public static readonly TestUser Leader = new("lanhdao", "VP", "top-secret", Platform.ServiceDefaults.Auth.Roles.Leader);
    public static readonly TestUser PortalEditor = new("bientap", "TH", "none", Platform.ServiceDefaults.Auth.Roles.PortalEditor);
    public static readonly TestUser GazetteEditor = new("congbao", "VP", "none", Platform.ServiceDefaults.Auth.Roles.GazetteEditor);
    public static readonly TestUser Administrator = new("quantri", "VP", "secret", Platform.ServiceDefaults.Auth.Roles.Administrator);

    public string Encode() => JsonSerializer.Serialize(this);

    public void SignIn(HttpClient client)
    {
        client.DefaultRequestHeaders.Remove(Header);
        client.DefaultRequestHeaders.Add(Header, Encode());
    }

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var identity = new ClaimsIdentity(scheme, PlatformClaims.UsernameClaim, PlatformClaims.Role);
        identity.AddClaim(new Claim("sub", Username));
        identity.AddClaim(new Claim(PlatformClaims.UsernameClaim, Username));
        identity.AddClaim(new Claim(PlatformClaims.UnitClaim, Unit));
        identity.AddClaim(new Claim(PlatformClaims.ClearanceClaim, Clearance));
        identity.AddClaim(new Claim(PlatformClaims.RealmAccess, JsonSerializer.Serialize(new { roles = Roles }), "JSON"));
        return new ClaimsPrincipal(identity);
    }
}

/// <summary>Reads <see cref="TestUser.Header"/>; no header means anonymous.</summary>
public sealed class TestUserAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "test-user";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[TestUser.Header].ToString();
        if (string.IsNullOrEmpty(header)) return Task.FromResult(AuthenticateResult.NoResult());
        var user = JsonSerializer.Deserialize<TestUser>(header)!;
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(user.ToPrincipal(SchemeName), SchemeName)));
    }
}
