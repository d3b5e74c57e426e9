namespace Platform.Identity.Tokens;

/// <summary>Where a claim may go; each matches one of Keycloak's mapper switches.</summary>
public enum TokenTarget
{
    AccessToken,
    IdToken,
    UserInfo,
    Introspection,
}
