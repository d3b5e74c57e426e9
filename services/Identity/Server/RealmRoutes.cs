namespace Platform.Identity.Server;

/// <summary>
/// Keycloak's endpoint paths. OpenIddict gets them relative to the realm's base URL
/// ({PublicUrl}/realms/{realm}, which is also the issuer); ASP.NET routes get them absolute.
/// </summary>
public static class RealmRoutes
{
    public const string Discovery = ".well-known/openid-configuration";
    public const string Certificates = "protocol/openid-connect/certs";
    public const string Token = "protocol/openid-connect/token";
    public const string Authorize = "protocol/openid-connect/auth";
    public const string UserInfo = "protocol/openid-connect/userinfo";
    public const string Logout = "protocol/openid-connect/logout";
    public const string Introspect = "protocol/openid-connect/token/introspect";
    public const string Revoke = "protocol/openid-connect/revoke";
    public const string Login = "login-actions/authenticate";

    public static string Base(string realm) => "/realms/" + Uri.EscapeDataString(realm);

    public static string Absolute(string realm, string route) => Base(realm) + "/" + route;
}
