using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Identity.Accounts;
using Platform.Identity.Realm;
using Platform.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Endpoints;

/// <summary>
/// The token endpoint, after OpenIddict has authenticated the client and checked its grant permissions.
/// Error texts are Keycloak's, so scripts written against Keycloak read the same thing.
/// </summary>
public static class TokenEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, RealmDirectory realm, UserAuthenticator authenticator, PrincipalFactory principals)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var client = realm.FindClient(request.ClientId!)
            ?? throw new InvalidOperationException("OpenIddict accepted a client that the realm does not have.");

        if (request.IsPasswordGrantType())
        {
            var user = authenticator.Authenticate(request.Username ?? "", request.Password ?? "");
            return user is null
                ? OAuthErrors.Forbid(Errors.InvalidGrant, "Invalid user credentials")
                : SignIn(principals.Create(user, client, ClientScopes.Grant(client, request.GetScopes())));
        }

        if (request.IsClientCredentialsGrantType())
        {
            var account = realm.FindServiceAccount(client.ClientId);
            return account is null || !account.Enabled
                ? OAuthErrors.Forbid(Errors.UnauthorizedClient, "Client not enabled to retrieve service account")
                : SignIn(principals.Create(account, client, ClientScopes.Grant(client, request.GetScopes())));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token names the user; claims are rebuilt so that changes in the realm show.
            var earlier = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var subject = earlier.Principal?.GetClaim(Claims.Subject);
            var user = subject is null ? null : realm.FindUserBySubject(subject);
            var serviceAccount = user?.ServiceAccountClientId is not null;
            if (user is null || (!serviceAccount && !authenticator.IsStillActive(user)))
            {
                return OAuthErrors.Forbid(Errors.InvalidGrant, "User is not active");
            }
            return SignIn(principals.Create(user, client, earlier.Principal!.GetScopes()));
        }

        return OAuthErrors.Forbid(Errors.UnsupportedGrantType, "Unsupported grant_type");
    }

    private static IResult SignIn(System.Security.Claims.ClaimsPrincipal principal) =>
        Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
