using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Edge;

/// <summary>
/// Validates a bearer token only on routes whose authorization needs a caller. On a route that is
/// anonymous by policy (the portal, the published gazette, signature checks) nothing at the edge
/// reads the caller, and the service behind validates the forwarded token itself when it cares;
/// yet OpenIddict's request and authentication steps were most of the edge's own time per request.
/// </summary>
/// <remarks>
/// Done where ASP.NET Core asks for a scheme's handler (<see cref="IAuthenticationHandlerProvider"/>):
/// for such a route the authentication middleware is handed a handler that reports no caller, so
/// the pipeline keeps its one ordinary UseAuthentication.
/// </remarks>
public sealed class EndpointAuthenticationHandlerProvider(IAuthenticationSchemeProvider schemes, IOptions<AuthorizationOptions> authorization)
    : IAuthenticationHandlerProvider
{
    private readonly AuthenticationHandlerProvider _handlers = new(schemes);
    private readonly bool _hasFallbackPolicy = authorization.Value.FallbackPolicy is not null;

    public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme) =>
        RequiresCaller(context.GetEndpoint(), _hasFallbackPolicy)
            ? _handlers.GetHandlerAsync(context, authenticationScheme)
            : Task.FromResult<IAuthenticationHandler?>(new NoCallerHandler(_handlers, context, authenticationScheme));

    /// <summary>
    /// The authorization middleware's reading of endpoint metadata: allow-anonymous wins; otherwise
    /// authorize data, a policy or a requirement asks for a caller, and so does a fallback policy
    /// (which also covers a request that matched no endpoint).
    /// </summary>
    public static bool RequiresCaller(Endpoint? endpoint, bool hasFallbackPolicy)
    {
        if (endpoint is null) return hasFallbackPolicy;
        var metadata = endpoint.Metadata;
        if (metadata.GetMetadata<IAllowAnonymous>() is not null) return false;
        return hasFallbackPolicy
            || metadata.GetMetadata<IAuthorizeData>() is not null
            || metadata.GetMetadata<AuthorizationPolicy>() is not null
            || metadata.GetMetadata<IAuthorizationRequirementData>() is not null;
    }

    /// <summary>No caller, without looking at the request; a challenge or forbid still goes to the real handler.</summary>
    private sealed class NoCallerHandler(AuthenticationHandlerProvider handlers, HttpContext context, string scheme) : IAuthenticationHandler
    {
        private static readonly Task<AuthenticateResult> NoResult = Task.FromResult(AuthenticateResult.NoResult());

        public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context) => Task.CompletedTask;
        public Task<AuthenticateResult> AuthenticateAsync() => NoResult;
        public async Task ChallengeAsync(AuthenticationProperties? properties) => await (await RealAsync()).ChallengeAsync(properties);
        public async Task ForbidAsync(AuthenticationProperties? properties) => await (await RealAsync()).ForbidAsync(properties);

        private async Task<IAuthenticationHandler> RealAsync() =>
            await handlers.GetHandlerAsync(context, scheme) ?? throw new InvalidOperationException($"No authentication handler for '{scheme}'.");
    }
}
