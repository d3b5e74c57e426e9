using Microsoft.Extensions.Primitives;

namespace Platform.Gateway.Edge;

/// <summary>Browser protections on every response the public sees.</summary>
public static class SecurityHeaders
{
    // Built once: these values go on every response.
    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues Deny = "DENY";
    private static readonly StringValues ReferrerPolicy = "strict-origin-when-cross-origin";
    private static readonly StringValues PermissionsPolicy = "camera=(), microphone=(), geolocation=()";
    private static readonly StringValues OpenerPolicy = "same-origin";
    private static readonly StringValues ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
    private static readonly StringValues TransportSecurity = "max-age=31536000; includeSubDomains";

    // Static, with the context as state, so registering it allocates no closure per request.
    private static readonly Func<object, Task> AddHeaders = static state =>
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = NoSniff;
        headers.XFrameOptions = Deny;
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = OpenerPolicy;
        if (StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
        if (context.Request.IsHttps) headers.StrictTransportSecurity = TransportSecurity;
        // The services' own Server header (Kestrel's; ours is off in Kestrel's options) says what runs behind.
        headers.Remove("Server");
        return Task.CompletedTask;
    };

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(AddHeaders, context);
        return next(context);
    });
}
