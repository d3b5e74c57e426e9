using Platform.Identity.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Tokens;

/// <summary>
/// Keycloak's client scopes as far as a token's "scope" claim shows them. A client without its own lists
/// gets the realm defaults Keycloak creates; default scopes always apply, optional ones when requested.
/// </summary>
public static class ClientScopes
{
    public static readonly IReadOnlyList<string> KeycloakDefaults = ["web-origins", "acr", "roles", "profile", "basic", "email"];
    public static readonly IReadOnlyList<string> KeycloakOptionals = ["address", "phone", "offline_access", "microprofile-jwt", "organization"];

    // Keycloak's built-in scopes with include.in.token.scope=true; the others act without being listed.
    private static readonly HashSet<string> ShownInScopeClaim =
        ["profile", "email", "address", "phone", "offline_access", "microprofile-jwt", "organization"];

    public static IReadOnlyList<string> DefaultsOf(RealmClient client) => client.DefaultClientScopes ?? KeycloakDefaults;
    public static IReadOnlyList<string> OptionalsOf(RealmClient client) => client.OptionalClientScopes ?? KeycloakOptionals;

    public static IEnumerable<string> AllOf(RealmClient client) => DefaultsOf(client).Concat(OptionalsOf(client));

    /// <summary>The scopes a token for this client carries when these were requested.</summary>
    public static IReadOnlyList<string> Grant(RealmClient client, IEnumerable<string> requested)
    {
        var asked = requested.ToHashSet(StringComparer.Ordinal);
        var granted = new List<string>();
        if (asked.Contains(Scopes.OpenId)) granted.Add(Scopes.OpenId);
        granted.AddRange(DefaultsOf(client).Where(ShownInScopeClaim.Contains));
        granted.AddRange(OptionalsOf(client).Where(scope => asked.Contains(scope) && ShownInScopeClaim.Contains(scope)));
        return granted.Distinct(StringComparer.Ordinal).ToList();
    }
}
