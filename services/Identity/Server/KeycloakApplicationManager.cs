using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using Platform.Identity.Realm;

namespace Platform.Identity.Server;

/// <summary>OpenIddict's application manager with Keycloak's redirect URI rules (wildcards, loopback ports).</summary>
public sealed class KeycloakApplicationManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store)
    where TApplication : class
{
    public override async ValueTask<bool> ValidateRedirectUriAsync(TApplication application, string uri, CancellationToken cancellationToken = default) =>
        RedirectUriMatcher.Matches(uri, await GetRedirectUrisAsync(application, cancellationToken));

    public override async ValueTask<bool> ValidatePostLogoutRedirectUriAsync(TApplication application, string uri, CancellationToken cancellationToken = default) =>
        RedirectUriMatcher.Matches(uri, await GetPostLogoutRedirectUrisAsync(application, cancellationToken));

    // The store can only look up exact URIs; with wildcards every application has to be asked.
    public override async IAsyncEnumerable<TApplication> FindByPostLogoutRedirectUriAsync(string uri,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var application in ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await ValidatePostLogoutRedirectUriAsync(application, uri, cancellationToken)) yield return application;
        }
    }

    public override async IAsyncEnumerable<TApplication> FindByRedirectUriAsync(string uri,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var application in ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await ValidateRedirectUriAsync(application, uri, cancellationToken)) yield return application;
        }
    }
}
