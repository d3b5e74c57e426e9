using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Identity.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Tokens;

/// <summary>Builds what a token says about a user for a client: Keycloak's claims, audiences and scopes.</summary>
public sealed class PrincipalFactory(RealmDirectory realm)
{
    // OpenIddict writes these itself; a mapper must not override them.
    private static readonly HashSet<string> Reserved =
        [Claims.Subject, Claims.Issuer, Claims.Audience, Claims.ExpiresAt, Claims.IssuedAt, Claims.NotBefore,
         Claims.JwtId, Claims.Scope, Claims.ClientId, Claims.AuthorizedParty];

    public ClaimsPrincipal Create(RealmUser user, RealmClient client, IReadOnlyCollection<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.PreferredUsername, Claims.Role);
        identity.SetClaim(Claims.Subject, realm.SubjectOf(user));

        var audiences = new HashSet<string>(StringComparer.Ordinal);
        var access = ClaimsFor(user, client, scopes, TokenTarget.AccessToken, audiences);
        var idToken = ClaimsFor(user, client, scopes, TokenTarget.IdToken, new HashSet<string>());
        foreach (var name in access.Select(p => p.Key).Union(idToken.Select(p => p.Key)).Where(n => !Reserved.Contains(n)))
        {
            var forAccess = access[name];
            var forId = idToken[name];
            if (forAccess is not null && JsonNode.DeepEquals(forAccess, forId))
            {
                identity.AddClaim(ToClaim(name, forAccess, Destinations.AccessToken, Destinations.IdentityToken));
                continue;
            }
            if (forAccess is not null) identity.AddClaim(ToClaim(name, forAccess, Destinations.AccessToken));
            if (forId is not null) identity.AddClaim(ToClaim(name, forId, Destinations.IdentityToken));
        }

        // Keycloak names the client in azp; OpenIddict adds client_id (RFC 9068) beside it.
        identity.AddClaim(ToClaim(Claims.AuthorizedParty, JsonValue.Create(client.ClientId), Destinations.AccessToken));
        identity.SetScopes(scopes);
        // OpenIddict turns the principal's resources into the access token's aud claim.
        identity.SetResources(audiences);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The userinfo response: sub, the profile claims and the mappers switched on for userinfo.</summary>
    public JsonObject UserInfo(RealmUser user, RealmClient client, IReadOnlyCollection<string> scopes)
    {
        var claims = ClaimsFor(user, client, scopes, TokenTarget.UserInfo, new HashSet<string>());
        claims[Claims.Subject] = realm.SubjectOf(user);
        return claims;
    }

    private JsonObject ClaimsFor(RealmUser user, RealmClient client, IReadOnlyCollection<string> scopes, TokenTarget target, ISet<string> audiences)
    {
        var claims = new JsonObject();
        StandardClaims.Add(claims, user, scopes, target);
        ProtocolMappers.Apply(client, user, realm, target, claims, audiences);
        return claims;
    }

    private static Claim ToClaim(string type, JsonNode value, params string[] destinations)
    {
        var claim = value.GetValueKind() switch
        {
            JsonValueKind.Object => new Claim(type, value.ToJsonString(), JsonClaimValueTypes.Json),
            JsonValueKind.Array => new Claim(type, value.ToJsonString(), JsonClaimValueTypes.JsonArray),
            JsonValueKind.True or JsonValueKind.False => new Claim(type, value.ToJsonString(), ClaimValueTypes.Boolean),
            JsonValueKind.Number => new Claim(type, value.ToJsonString(), ClaimValueTypes.Integer64),
            _ => new Claim(type, value.GetValue<string>(), ClaimValueTypes.String),
        };
        claim.SetDestinations(destinations);
        return claim;
    }
}
