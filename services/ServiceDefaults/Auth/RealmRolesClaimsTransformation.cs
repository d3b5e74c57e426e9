using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;

namespace Platform.ServiceDefaults.Auth;

/// <summary>
/// Keycloak nests realm roles as realm_access.roles; ASP.NET authorization wants flat role
/// claims. This copies them once per request.
/// </summary>
public sealed class RealmRolesClaimsTransformation : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity) return Task.FromResult(principal);
        // Materialised first: adding claims while FindAll enumerates them throws.
        foreach (var role in RolesIn(identity.FindAll(PlatformClaims.RealmAccess).ToArray()).ToArray())
        {
            if (!identity.HasClaim(identity.RoleClaimType, role)) identity.AddClaim(new Claim(identity.RoleClaimType, role));
        }
        return Task.FromResult(principal);
    }

    public static IEnumerable<string> RolesIn(IEnumerable<Claim> realmAccessClaims)
    {
        foreach (var claim in realmAccessClaims)
        {
            JsonDocument document;
            try { document = JsonDocument.Parse(claim.Value); }
            catch (JsonException) { continue; }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("roles", out var roles)
                    || roles.ValueKind != JsonValueKind.Array) continue;
                foreach (var role in roles.EnumerateArray())
                {
                    if (role.ValueKind == JsonValueKind.String) yield return role.GetString()!;
                }
            }
        }
    }
}
