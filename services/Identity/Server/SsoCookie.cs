using Microsoft.AspNetCore.Authentication.Cookies;
using Platform.Identity.Endpoints;
using Platform.Identity.Realm;

namespace Platform.Identity.Server;

/// <summary>The realm's SSO session cookie, Keycloak's KEYCLOAK_IDENTITY counterpart.</summary>
public static class SsoCookie
{
    public static void Configure(CookieAuthenticationOptions options, RealmDirectory realm)
    {
        options.Cookie.Name = "PLATFORM_IDENTITY";
        options.Cookie.Path = RealmRoutes.Base(realm.Name) + "/";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.LoginPath = RealmRoutes.Absolute(realm.Name, RealmRoutes.Login);
        options.ReturnUrlParameter = LoginPage.ReturnUrlParameter;
        options.ExpireTimeSpan = TimeSpan.FromSeconds(realm.File.SsoSessionIdleTimeout is > 0 and var idle ? idle : 1800);
        options.SlidingExpiration = true;
        // A relative Location keeps the browser on the host it used (the gateway in local runs).
        options.Events.OnRedirectToLogin = context =>
        {
            context.Response.Redirect(new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } uri
                ? uri.PathAndQuery
                : context.RedirectUri);
            return Task.CompletedTask;
        };
    }
}
