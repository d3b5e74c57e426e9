using Microsoft.AspNetCore.CookiePolicy;

namespace Platform.Portal.Security;

/// <summary>
/// Browser protections of the portal's own pages, whether or not the gateway is in front:
/// a content security policy that allows nothing but the portal's own files (no inline
/// script, so an injected &lt;script&gt; would not run even if encoding ever failed), and
/// cookies that scripts cannot read and other sites cannot send.
/// </summary>
public static class PortalSecurity
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /// <summary>
    /// Portal:SecureCookies = Always (production, behind TLS: the chart sets it) or
    /// SameAsRequest (default: secure over HTTPS; `make run` serves plain HTTP on loopback).
    /// </summary>
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var secure = builder.Configuration.GetValue("Portal:SecureCookies", CookieSecurePolicy.SameAsRequest);
        builder.Services.Configure<CookiePolicyOptions>(cookies =>
        {
            cookies.HttpOnly = HttpOnlyPolicy.Always;
            cookies.Secure = secure;
            cookies.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        // The antiforgery cookie's own Always setting would refuse plain-HTTP requests, which is
        // what reaches the portal behind a TLS-terminating gateway; the cookie policy marks it instead.
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.SameSite = SameSiteMode.Strict);
        return builder;
    }

    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // A page of the staff console may set a policy of its own; the portal's is the default.
                if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseCookiePolicy();
        return app;
    }
}
