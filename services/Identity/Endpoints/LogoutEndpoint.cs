using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Server.AspNetCore;
using Platform.Identity.Realm;

namespace Platform.Identity.Endpoints;

/// <summary>
/// The end-session endpoint: ends the SSO cookie session, then OpenIddict redirects to the
/// post_logout_redirect_uri it has checked against the client's registered ones.
/// </summary>
public static class LogoutEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, RealmDirectory realm)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var request = context.GetOpenIddictServerRequest();
        if (string.IsNullOrEmpty(request?.PostLogoutRedirectUri))
        {
            var html = LoginHtml.Render(realm.DisplayName, "", "", "", "", error: null, signedInAs: null, signedOut: true);
            return Results.Content(html, "text/html; charset=utf-8");
        }
        return Results.SignOut(properties: null, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
