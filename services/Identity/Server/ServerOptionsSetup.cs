using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Platform.Identity.Realm;
using Platform.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Server;

/// <summary>The OpenIddict settings that come from the realm file, the data folder and configuration.</summary>
public sealed class ServerOptionsSetup(IdentitySettings settings, RealmDirectory realm, SigningKeyStore keys)
    : IConfigureOptions<OpenIddictServerOptions>
{
    public static readonly TimeSpan DefaultAccessTokenLifetime = TimeSpan.FromMinutes(5);

    public void Configure(OpenIddictServerOptions options)
    {
        options.AccessTokenLifetime = settings.AccessTokenLifetime
            ?? (realm.File.AccessTokenLifespan is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : DefaultAccessTokenLifetime);
        // A refresh token lives as long as Keycloak's idle SSO session (30 minutes unless the realm says otherwise).
        options.RefreshTokenLifetime = TimeSpan.FromSeconds(realm.File.SsoSessionIdleTimeout is > 0 and var idle ? idle : 1800);
        options.SigningCredentials.Add(keys.Signing);
        options.EncryptionCredentials.Add(keys.Encryption);
        options.Scopes.UnionWith(realm.Clients.SelectMany(ClientScopes.AllOf));
        // Keycloak clients that ask for PKCE name S256; "plain" protects nothing, so it is not offered at all.
        options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
    }
}
