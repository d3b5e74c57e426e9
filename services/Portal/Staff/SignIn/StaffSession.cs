using System.Security.Claims;
using Platform.ServiceDefaults.Auth;

namespace Platform.Portal.Staff.SignIn;

/// <summary>The names the staff console's sign-in uses.</summary>
public static class StaffSession
{
    /// <summary>The cookie scheme of the console; its ticket lives in Redis, the cookie only names it.</summary>
    public const string Scheme = "staff-console";
    public const string Policy = "staff-console";
    // __Host-: only over HTTPS (or loopback), for this host and path /, so no other site or path can plant it.
    public const string SecureCookieName = "__Host-can-bo";
    public const string PlainCookieName = "can-bo";
    public const string SignInPath = "/staff/dang-nhap";
    public const string CallbackPath = "staff/dang-nhap/ket-qua";
    public const string SignedOutPath = "staff/dang-xuat/ket-qua";

    /// <summary>
    /// The console's own identity for a person, taken from the access token the services will
    /// check (the ID token carries no realm roles): what the console shows follows the same
    /// roles, unit and clearance the services enforce.
    /// </summary>
    public static ClaimsPrincipal PrincipalFrom(ClaimsPrincipal accessToken, string? displayName)
    {
        var identity = new ClaimsIdentity(Scheme, PlatformClaims.UsernameClaim, ClaimTypes.Role);
        identity.AddClaim(new Claim(PlatformClaims.UsernameClaim, accessToken.Username()));
        identity.AddClaim(new Claim("name", string.IsNullOrWhiteSpace(displayName) ? accessToken.Username() : displayName));
        identity.AddClaim(new Claim(PlatformClaims.ClearanceClaim, accessToken.FindFirst(PlatformClaims.ClearanceClaim)?.Value ?? "none"));
        if (accessToken.Unit() is { } unit) identity.AddClaim(new Claim(PlatformClaims.UnitClaim, unit));
        var roles = RealmRolesClaimsTransformation.RolesIn(accessToken.FindAll(PlatformClaims.RealmAccess))
            .Concat(accessToken.FindAll(ClaimTypes.Role).Select(c => c.Value))
            .Concat(accessToken.FindAll(PlatformClaims.Role).Select(c => c.Value));
        foreach (var role in roles.Where(Roles.All.Contains).Distinct())
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }
        return new ClaimsPrincipal(identity);
    }
}
