using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Platform.Identity.Accounts;
using Platform.Identity.Realm;
using Platform.Identity.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Endpoints;

/// <summary>
/// The login page (trang đăng nhập) the authorize endpoint sends people to. On success it sets the SSO cookie
/// and goes back to the authorization request it came from; it never redirects outside the realm's paths.
/// </summary>
public static class LoginPage
{
    public const string ReturnUrlParameter = "ReturnUrl";

    public static IResult Show(HttpContext context, RealmDirectory realm, IAntiforgery antiforgery) =>
        Render(context, realm, antiforgery, context.Request.Query[ReturnUrlParameter].ToString(), username: "", error: null);

    public static async Task<IResult> Submit(HttpContext context, RealmDirectory realm, IAntiforgery antiforgery, UserAuthenticator authenticator)
    {
        if (!context.Request.HasFormContentType) return Results.BadRequest();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = form[ReturnUrlParameter].ToString();
        var username = form["username"].ToString();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Render(context, realm, antiforgery, returnUrl, username, "Phiên đăng nhập đã hết hạn, vui lòng thử lại.", StatusCodes.Status400BadRequest);
        }

        var user = authenticator.Authenticate(username, form["password"].ToString());
        if (user is null)
        {
            return Render(context, realm, antiforgery, returnUrl, username, "Tên đăng nhập hoặc mật khẩu không đúng.", StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, Claims.PreferredUsername, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, realm.SubjectOf(user)));
        identity.AddClaim(new Claim(Claims.PreferredUsername, user.Username));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(IsRealmUrl(realm, returnUrl) ? returnUrl : RealmRoutes.Absolute(realm.Name, RealmRoutes.Login));
    }

    // Only paths under /realms/{realm}/ are followed, which rules out open redirects ("//host", "/\host", absolute URLs).
    public static bool IsRealmUrl(RealmDirectory realm, string? url) =>
        !string.IsNullOrEmpty(url)
        && url.StartsWith(RealmRoutes.Base(realm.Name) + "/", StringComparison.Ordinal)
        && !url.Contains('\\')
        && !url.Contains("//", StringComparison.Ordinal);

    private static IResult Render(HttpContext context, RealmDirectory realm, IAntiforgery antiforgery, string returnUrl, string username,
        string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var signedIn = context.User.Identity?.IsAuthenticated == true && !IsRealmUrl(realm, returnUrl);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Frame-Options"] = "DENY";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
        var html = LoginHtml.Render(realm.DisplayName, tokens.FormFieldName, tokens.RequestToken ?? "", returnUrl, username, error,
            signedIn ? context.User.FindFirst(Claims.PreferredUsername)?.Value : null);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
