using System.Text.Json.Nodes;
using Platform.Identity.Realm;

namespace Platform.Identity.Tokens;

/// <summary>
/// Applies a client's protocol mappers from the realm file, so tokens carry what Keycloak would put in
/// them from the same file. Types not listed in <see cref="Supported"/> are reported at startup and skipped.
/// </summary>
public static class ProtocolMappers
{
    public const string Audience = "oidc-audience-mapper";
    public const string UserAttribute = "oidc-usermodel-attribute-mapper";
    public const string RealmRole = "oidc-usermodel-realm-role-mapper";
    public const string HardcodedClaim = "oidc-hardcoded-claim-mapper";

    public static readonly IReadOnlySet<string> Supported = new HashSet<string> { Audience, UserAttribute, RealmRole, HardcodedClaim };

    public static void Apply(RealmClient client, RealmUser user, RealmDirectory realm, TokenTarget target, JsonObject claims, ISet<string> audiences)
    {
        foreach (var mapper in client.ProtocolMappers.Where(m => m.Protocol == "openid-connect" && AppliesTo(m, target)))
        {
            switch (mapper.Type)
            {
                case Audience:
                    var audience = mapper.Setting("included.client.audience") ?? mapper.Setting("included.custom.audience");
                    if (!string.IsNullOrWhiteSpace(audience)) audiences.Add(audience);
                    break;
                case UserAttribute when mapper.Setting("user.attribute") is { } attribute:
                    SetValues(claims, mapper, user.Attribute(attribute));
                    break;
                case RealmRole:
                    var prefix = mapper.Setting("usermodel.realmRoleMapping.rolePrefix") ?? "";
                    var roles = realm.RealmRolesOf(user).Select(role => prefix + role).ToList();
                    SetValues(claims, mapper, roles, claimWhenMissing: "realm_access.roles", alwaysArray: true);
                    break;
                case HardcodedClaim when mapper.Setting("claim.value") is { } value:
                    SetValues(claims, mapper, [value]);
                    break;
            }
        }
    }

    private static bool AppliesTo(ProtocolMapperDefinition mapper, TokenTarget target) => target switch
    {
        TokenTarget.AccessToken => mapper.IsOn("access.token.claim"),
        TokenTarget.IdToken => mapper.IsOn("id.token.claim"),
        TokenTarget.UserInfo => mapper.IsOn("userinfo.token.claim"),
        // Keycloak before 23 had no introspection switch and always included the claim.
        TokenTarget.Introspection => mapper.IsOn("introspection.token.claim", whenMissing: true),
        _ => false,
    };

    private static void SetValues(JsonObject claims, ProtocolMapperDefinition mapper, IReadOnlyList<string> values,
        string? claimWhenMissing = null, bool alwaysArray = false)
    {
        var claimName = mapper.Setting("claim.name") ?? claimWhenMissing;
        if (string.IsNullOrWhiteSpace(claimName)) return;
        var jsonType = mapper.Setting("jsonType.label");
        var converted = values.Select(value => ClaimPath.Convert(value, jsonType)).Where(node => node is not null).ToList();

        if (alwaysArray || mapper.IsOn("multivalued"))
        {
            // Keycloak leaves out an empty multivalued attribute, but always writes the role list.
            if (converted.Count == 0 && !alwaysArray) return;
            ClaimPath.Set(claims, claimName, new JsonArray(converted.ToArray()));
        }
        else if (converted.Count > 0)
        {
            ClaimPath.Set(claims, claimName, converted[0]!);
        }
    }
}
