using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.Identity.Server;

/// <summary>
/// Keycloak returns a refresh token from the password, authorization code and refresh grants without the
/// offline_access scope (which OpenIddict otherwise requires); client credentials get none, as in Keycloak.
/// </summary>
public sealed class KeycloakRefreshTokenHandler : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<KeycloakRefreshTokenHandler>()
            .SetOrder(OpenIddictServerHandlers.EvaluateGeneratedTokens.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.EndpointType == OpenIddictServerEndpointType.Token
            && (context.Request.IsPasswordGrantType() || context.Request.IsAuthorizationCodeGrantType() || context.Request.IsRefreshTokenGrantType()))
        {
            context.GenerateRefreshToken = true;
            context.IncludeRefreshToken = true;
        }
        return ValueTask.CompletedTask;
    }
}
