using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Identity.Accounts;
using Platform.Identity.Realm;
using Platform.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Endpoints;

/// <summary>
/// The authorization endpoint, after OpenIddict has checked the client, redirect URI and PKCE parameters:
/// a person without an SSO cookie is sent to the login page, then the request resumes and a code is issued.
/// Keycloak clients here need no consent screen.
/// </summary>
public static class AuthorizeEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, RealmDirectory realm, UserAuthenticator authenticator, PrincipalFactory principals)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var subject = session.Principal?.FindFirst(Claims.Subject)?.Value;
        var user = subject is null ? null : realm.FindUserBySubject(subject);

        if (user is null || !authenticator.IsStillActive(user) || request.HasPromptValue(PromptValues.Login) || IsTooOld(session, request))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return OAuthErrors.Forbid(Errors.LoginRequired, "The user is not signed in.");
            }
            // prompt=login is honoured once: the resumed request must not send the person back to the form.
            var resume = context.Request.PathBase + context.Request.Path + QueryString.Create(
                RequestParameters(context).Where(p => !(p.Key == Parameters.Prompt && p.Value.ToString().Contains(PromptValues.Login))));
            if (session.Succeeded) await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = resume }, [CookieAuthenticationDefaults.AuthenticationScheme]);
        }

        var client = realm.FindClient(request.ClientId!)
            ?? throw new InvalidOperationException("OpenIddict accepted a client that the realm does not have.");
        var principal = principals.Create(user, client, ClientScopes.Grant(client, request.GetScopes()));
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static bool IsTooOld(AuthenticateResult session, OpenIddictRequest request) =>
        request.MaxAge is { } maxAge && session.Properties?.IssuedUtc is { } issued
        && DateTimeOffset.UtcNow - issued > TimeSpan.FromSeconds(maxAge);

    // A POSTed authorization request resumes as a GET with the same parameters.
    private static IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> RequestParameters(HttpContext context) =>
        context.Request.HasFormContentType ? context.Request.Form : context.Request.Query;
}
