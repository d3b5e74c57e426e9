using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Platform.Identity.Realm;
using static OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreHandlerFilters;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.Identity.Server;

/// <summary>
/// Makes {PublicUrl}/realms/{realm} the base of every endpoint and the issuer, without a trailing slash,
/// as Keycloak does. With no Identity:PublicUrl the request's own scheme and host are used, so the issuer
/// follows whatever host the caller used, again like Keycloak without a configured hostname.
/// </summary>
public sealed class RealmBaseUriHandler(IdentitySettings settings, RealmDirectory realm) : IOpenIddictServerHandler<ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
            .AddFilter<RequireHttpRequest>()
            .UseSingletonHandler<RealmBaseUriHandler>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        var request = context.Transaction.GetHttpRequest()
            ?? throw new InvalidOperationException("The OpenIddict request has no HTTP request.");
        if (context.BaseUri is null) return ValueTask.CompletedTask;

        var root = (settings.PublicUrl ?? context.BaseUri).AbsoluteUri.TrimEnd('/');
        if (settings.PublicUrl is not null)
        {
            // Endpoint matching compares the request URI with the base URI, so both must name the public host.
            context.RequestUri = new Uri(root + request.Path + request.QueryString);
        }
        context.BaseUri = new Uri(root + RealmRoutes.Base(realm.Name));
        return ValueTask.CompletedTask;
    }
}
