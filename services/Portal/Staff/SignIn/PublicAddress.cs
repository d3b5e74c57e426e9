using Microsoft.Extensions.Options;

namespace Platform.Portal.Staff.SignIn;

/// <summary>
/// Behind the gateway the portal sees its own pod address, but the identity provider sends
/// people back to the public one, and OpenIddict checks that the two agree. So console
/// requests are seen at <see cref="StaffConsoleOptions.PublicUrl"/>, first thing in the
/// pipeline (authentication, where OpenIddict handles its callbacks, runs early), and without
/// trusting any header a caller could send.
/// </summary>
public sealed class PublicAddress(IOptions<StaffConsoleOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (options.Value.PublicUrl is { } publicUrl)
        {
            var host = new HostString(publicUrl.Authority);
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Path.StartsWithSegments("/staff"))
                {
                    context.Request.Scheme = publicUrl.Scheme;
                    context.Request.Host = host;
                }
                return nextMiddleware(context);
            });
        }
        next(app);
    };
}
