using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Platform.Identity.Endpoints;

/// <summary>OAuth error responses, written by OpenIddict in the shape clients of Keycloak expect.</summary>
public static class OAuthErrors
{
    public static IResult Forbid(string error, string description) =>
        Results.Forbid(Properties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    public static IResult Challenge(string error, string description) =>
        Results.Challenge(Properties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static AuthenticationProperties Properties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
