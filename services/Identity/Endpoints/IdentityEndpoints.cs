using Platform.Identity.Endpoints;
using Platform.Identity.Realm;
using Platform.Identity.Server;

namespace Platform.Identity;

public static class IdentityEndpoints
{
    /// <summary>
    /// The endpoints OpenIddict passes through to us. Discovery, JWKS, introspection and revocation are
    /// answered by OpenIddict itself at the Keycloak paths set in <see cref="RealmRoutes"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        var realm = app.ServiceProvider.GetRequiredService<RealmDirectory>();
        var group = app.MapGroup(RealmRoutes.Base(realm.Name)).ExcludeFromDescription();
        group.MapMethods(RealmRoutes.Authorize, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.Handle);
        group.MapPost(RealmRoutes.Token, TokenEndpoint.Handle);
        group.MapMethods(RealmRoutes.UserInfo, [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.Handle);
        group.MapMethods(RealmRoutes.Logout, [HttpMethods.Get, HttpMethods.Post], LogoutEndpoint.Handle);
        group.MapGet(RealmRoutes.Login, LoginPage.Show);
        group.MapPost(RealmRoutes.Login, LoginPage.Submit);
        return app;
    }
}
