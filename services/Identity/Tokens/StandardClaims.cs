using System.Text.Json.Nodes;
using Platform.Identity.Realm;

namespace Platform.Identity.Tokens;

/// <summary>
/// The claims of Keycloak's built-in "profile" and "email" client scopes. Keycloak defines those scopes
/// itself, outside the realm file, so we reproduce their mappers here: name is "first last" as Keycloak's
/// full-name mapper writes it (Vietnamese display order is family_name then given_name).
/// </summary>
public static class StandardClaims
{
    public static void Add(JsonObject claims, RealmUser user, IReadOnlyCollection<string> scopes, TokenTarget target)
    {
        if (target == TokenTarget.Introspection) return;
        if (scopes.Contains("profile"))
        {
            claims["preferred_username"] = user.Username.ToLowerInvariant();
            var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));
            if (name.Length > 0) claims["name"] = name;
            if (!string.IsNullOrWhiteSpace(user.FirstName)) claims["given_name"] = user.FirstName;
            if (!string.IsNullOrWhiteSpace(user.LastName)) claims["family_name"] = user.LastName;
        }
        if (scopes.Contains("email") && !string.IsNullOrWhiteSpace(user.Email))
        {
            claims["email"] = user.Email;
            claims["email_verified"] = user.EmailVerified;
        }
    }
}
