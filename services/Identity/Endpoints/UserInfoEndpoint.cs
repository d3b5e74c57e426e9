using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Identity.Realm;
using Platform.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Endpoints;

/// <summary>The userinfo endpoint: the claims the client's mappers release to userinfo, for the token's user.</summary>
public static class UserInfoEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, RealmDirectory realm, PrincipalFactory principals)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var token = result.Principal;
        var user = token?.GetClaim(Claims.Subject) is { } subject ? realm.FindUserBySubject(subject) : null;
        var clientId = token?.GetClaim(Claims.AuthorizedParty) ?? token?.GetPresenters().FirstOrDefault();
        var client = clientId is null ? null : realm.FindClient(clientId);
        if (token is null || user is null || client is null || !user.Enabled)
        {
            return OAuthErrors.Challenge(Errors.InvalidToken, "Token verification failed");
        }
        return Results.Json(principals.UserInfo(user, client, token.GetScopes()));
    }
}
