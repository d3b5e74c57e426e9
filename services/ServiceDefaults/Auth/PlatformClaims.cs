using System.Security.Claims;
using Platform.Contracts;

namespace Platform.ServiceDefaults.Auth;

/// <summary>The claims the realm puts in every access token, and how to read them.</summary>
public static class PlatformClaims
{
    public const string RealmAccess = "realm_access";
    public const string Role = "role";
    public const string UnitClaim = "unit";
    public const string ClearanceClaim = "clearance";
    public const string UsernameClaim = "preferred_username";

    public static string? Unit(this ClaimsPrincipal user) => user.FindFirst(UnitClaim)?.Value;

    public static string Username(this ClaimsPrincipal user) =>
        user.FindFirst(UsernameClaim)?.Value ?? user.FindFirst("sub")?.Value ?? "unknown";

    /// <summary>The user's secrecy clearance; anything unreadable counts as none.</summary>
    public static Secrecy Clearance(this ClaimsPrincipal user) => ParseClearance(user.FindFirst(ClearanceClaim)?.Value);

    public static Secrecy ParseClearance(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "confidential" or "mat" or "mật" => Secrecy.Confidential,
        "secret" or "toi-mat" or "tối mật" => Secrecy.Secret,
        "top-secret" or "tuyet-mat" or "tuyệt mật" => Secrecy.TopSecret,
        _ => Secrecy.None,
    };
}
