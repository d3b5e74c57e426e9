using OpenIddict.Abstractions;
using Platform.Identity.Realm;
using Platform.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Server;

/// <summary>Translates a Keycloak client into an OpenIddict application: type, secret, URIs, permissions.</summary>
public static class ClientDescriptors
{
    public static bool IsUsable(RealmClient client, out string reason)
    {
        reason = client switch
        {
            { Enabled: false } => "it is disabled",
            { Protocol: not "openid-connect" } => $"its protocol is {client.Protocol}",
            { BearerOnly: true } => "it is bearer-only",
            { PublicClient: false, Secret: null or "" } => "it is confidential but has no secret",
            _ => "",
        };
        return reason.Length == 0;
    }

    public static OpenIddictApplicationDescriptor From(RealmClient client, ILogger logger)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            DisplayName = client.Name ?? client.ClientId,
            ClientType = client.PublicClient ? ClientTypes.Public : ClientTypes.Confidential,
            ClientSecret = client.PublicClient ? null : client.Secret,
            ConsentType = ConsentTypes.Implicit,
        };

        AddUris(descriptor.RedirectUris, client.RedirectUris, client.ClientId, logger);
        AddUris(descriptor.PostLogoutRedirectUris, client.PostLogoutRedirectUris(), client.ClientId, logger);

        var permissions = descriptor.Permissions;
        permissions.Add(Permissions.Endpoints.Token);
        permissions.Add(Permissions.Endpoints.Revocation);
        if (!client.PublicClient) permissions.Add(Permissions.Endpoints.Introspection);
        if (client.StandardFlowEnabled)
        {
            permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code]);
        }
        if (client.DirectAccessGrantsEnabled)
        {
            permissions.UnionWith([Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken]);
        }
        if (client.ServiceAccountsEnabled && !client.PublicClient) permissions.Add(Permissions.GrantTypes.ClientCredentials);
        permissions.UnionWith(ClientScopes.AllOf(client).Select(scope => Permissions.Prefixes.Scope + scope));

        if (client.RequiresPkce) descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        return descriptor;
    }

    private static void AddUris(HashSet<Uri> target, IEnumerable<string> values, string clientId, ILogger logger)
    {
        foreach (var value in values)
        {
            // Keycloak also allows "*" and paths relative to the root URL; neither is worth its risk here.
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Fragment)) target.Add(uri);
            else logger.LogWarning("Client {ClientId}: redirect URI {Uri} is not absolute and is ignored", clientId, value);
        }
    }
}
