using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Validation.AspNetCore;

namespace Platform.ServiceDefaults.Auth;

public static class AuthenticationRegistration
{
    /// <summary>
    /// Validates access tokens from the realm (Keycloak, or services/Identity locally) by
    /// issuer discovery, and adds one policy per API area.
    /// Identity:Issuer is the token issuer; Identity:MetadataAddress, when set, is where the
    /// discovery document is fetched (the identity server directly, not through the gateway).
    /// </summary>
    public static IHostApplicationBuilder AddTokenValidation(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var issuer = configuration["Identity:Issuer"];
        var audience = configuration["Identity:Audience"] ?? "platform-api";
        if (string.IsNullOrWhiteSpace(issuer))
        {
            throw new InvalidOperationException("Identity:Issuer is not set; it names the realm, e.g. http://127.0.0.1:8080/realms/platform.");
        }
        builder.Services.AddOpenIddict().AddValidation(options =>
        {
            options.SetIssuer(new Uri(issuer));
            var metadata = configuration["Identity:MetadataAddress"];
            if (!string.IsNullOrWhiteSpace(metadata)) options.Configure(o => o.ConfigurationEndpoint = new Uri(metadata));
            options.AddAudiences(audience);
            options.UseSystemNetHttp();
            // Tokens only in the Authorization header, as Keycloak clients send them: a token in a
            // query string ends up in logs, and reading a form would consume the body the
            // gateway has to forward (the token endpoint's own form, for one).
            options.UseAspNetCore()
                .DisableAccessTokenExtractionFromBodyForm()
                .DisableAccessTokenExtractionFromQueryString();
        });
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddTransient<IClaimsTransformation, RealmRolesClaimsTransformation>();
        builder.Services.AddAuthorizationBuilder().AddPlatformPolicies();
        return builder;
    }

    public static Microsoft.AspNetCore.Authorization.AuthorizationBuilder AddPlatformPolicies(
        this Microsoft.AspNetCore.Authorization.AuthorizationBuilder authorization)
    {
        foreach (var (policy, roles) in Policies.RolesByPolicy)
        {
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
        return authorization;
    }
}
