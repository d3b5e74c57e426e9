using System.Text.Json.Serialization;

namespace Platform.Identity.Realm;

/// <summary>An OpenID Connect client of the realm, with Keycloak's flags and defaults.</summary>
public sealed class RealmClient
{
    public required string ClientId { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public bool Enabled { get; init; } = true;
    public string Protocol { get; init; } = "openid-connect";
    public bool PublicClient { get; init; }
    public bool BearerOnly { get; init; }
    public string? Secret { get; init; }
    public bool StandardFlowEnabled { get; init; } = true;
    public bool DirectAccessGrantsEnabled { get; init; }
    public bool ServiceAccountsEnabled { get; init; }
    public List<string> RedirectUris { get; init; } = [];
    public Dictionary<string, string> Attributes { get; init; } = [];
    public List<ProtocolMapperDefinition> ProtocolMappers { get; init; } = [];
    public List<string>? DefaultClientScopes { get; init; }
    public List<string>? OptionalClientScopes { get; init; }

    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;

    /// <summary>Keycloak stores these in one attribute, separated by "##"; "+" means "the redirect URIs".</summary>
    public IReadOnlyList<string> PostLogoutRedirectUris()
    {
        var values = (Attribute("post.logout.redirect.uris") ?? "")
            .Split("##", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return values.SelectMany(value => value == "+" ? RedirectUris : [value]).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Keycloak requires PKCE when the client names a method; we also require it of public clients.</summary>
    public bool RequiresPkce =>
        PublicClient || !string.IsNullOrWhiteSpace(Attribute("pkce.code.challenge.method"));
}

/// <summary>A protocol mapper: how a user or client property becomes a claim.</summary>
public sealed class ProtocolMapperDefinition
{
    public string? Name { get; init; }
    public string Protocol { get; init; } = "openid-connect";

    [JsonPropertyName("protocolMapper")]
    public required string Type { get; init; }

    public Dictionary<string, string> Config { get; init; } = [];

    public string? Setting(string key) => Config.TryGetValue(key, out var value) ? value : null;

    public bool IsOn(string key, bool whenMissing = false) =>
        Setting(key) is { } value ? string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) : whenMissing;
}
