using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Security.Tests.Endpoints;
using Platform.TestSupport;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// What an endpoint's authorization metadata says about a caller, read requirement by requirement:
/// the policies named on it and its groups, inline RequireRole policies, AllowAnonymous and the
/// fallback policy. A requirement this does not understand fails the test rather than being guessed.
/// </summary>
public static class EndpointPolicy
{
    public static async Task<bool> AdmitsAsync(ApiEndpoint endpoint, IServiceProvider services, TestUser? user)
    {
        if (endpoint.AuthenticatesItself) return false;
        if (endpoint.AllowsAnonymous) return true;
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var metadata = endpoint.Endpoint.Metadata;
        var policy = await AuthorizationPolicy.CombineAsync(provider, metadata.GetOrderedMetadata<IAuthorizeData>(), metadata.GetOrderedMetadata<AuthorizationPolicy>())
            ?? services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;
        if (policy is null) return true;
        foreach (var requirement in policy.Requirements)
        {
            var met = requirement switch
            {
                DenyAnonymousAuthorizationRequirement => user is not null,
                RolesAuthorizationRequirement roles => user is not null && user.Roles.Intersect(roles.AllowedRoles).Any(),
                _ => throw new InvalidOperationException($"{endpoint}: requirement {requirement.GetType().Name} is not understood by the access matrix"),
            };
            if (!met) return false;
        }
        return true;
    }
}
