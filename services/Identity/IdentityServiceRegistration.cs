using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Platform.Identity.Accounts;
using Platform.Identity.Persistence;
using Platform.Identity.Realm;
using Platform.Identity.Server;
using Platform.Identity.Tokens;

namespace Platform.Identity;

public static class IdentityServiceRegistration
{
    /// <summary>
    /// Registers the Keycloak-compatible OpenID Connect provider. Everything that depends on configuration
    /// is read when first needed, so hosts and tests can set configuration up to the moment the app is built.
    /// </summary>
    public static IHostApplicationBuilder AddIdentityProvider(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(provider => IdentitySettings.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(provider => RealmDirectory.Load(provider.GetRequiredService<IdentitySettings>().RealmFile));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BruteForceProtector>();
        services.AddSingleton<UserAuthenticator>();
        services.AddSingleton<PrincipalFactory>();
        services.AddSingleton<SigningKeyStore>();
        services.AddHostedService<RealmClientSync>();

        services.AddDbContext<IdentityDbContext>((provider, options) =>
        {
            var folder = provider.GetRequiredService<IdentitySettings>().StateFolder;
            Directory.CreateDirectory(folder);
            options.UseSqlite($"Data Source={Path.Combine(folder, "identity.db")}");
            options.UseOpenIddict();
        });

        // The SSO cookie and the login form's antiforgery token survive restarts, like the signing keys.
        services.AddDataProtection().SetApplicationName("platform-identity");
        services.AddOptions<KeyManagementOptions>().Configure<IdentitySettings, ILoggerFactory>((options, settings, logs) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(settings.StateFolder, "data-protection")), logs));
        services.AddAntiforgery(options => options.Cookie.Name = "PLATFORM_IDENTITY_AF");

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<RealmDirectory>(SsoCookie.Configure);

        services.AddOpenIddict()
            .AddCore(options =>
            {
                options.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>();
                options.ReplaceApplicationManager(typeof(KeycloakApplicationManager<>));
            })
            .AddServer(options =>
            {
                options.SetConfigurationEndpointUris(RealmRoutes.Discovery)
                    .SetJsonWebKeySetEndpointUris(RealmRoutes.Certificates)
                    .SetAuthorizationEndpointUris(RealmRoutes.Authorize)
                    .SetTokenEndpointUris(RealmRoutes.Token)
                    .SetUserInfoEndpointUris(RealmRoutes.UserInfo)
                    .SetEndSessionEndpointUris(RealmRoutes.Logout)
                    .SetIntrospectionEndpointUris(RealmRoutes.Introspect)
                    .SetRevocationEndpointUris(RealmRoutes.Revoke);
                options.AllowAuthorizationCodeFlow().AllowPasswordFlow().AllowClientCredentialsFlow().AllowRefreshTokenFlow();
                // Resource servers read Keycloak-shaped JWTs directly, so access tokens are signed, not encrypted.
                options.DisableAccessTokenEncryption();
                options.AddEventHandler(RealmBaseUriHandler.Descriptor);
                options.AddEventHandler(KeycloakRefreshTokenHandler.Descriptor);
                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Local runs and tests speak plain HTTP on loopback; production uses Keycloak behind TLS.
                    .DisableTransportSecurityRequirement();
            });
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerOptionsSetup>();
        return builder;
    }

    public static IApplicationBuilder UseIdentityProvider(this IApplicationBuilder app) => app.UseAuthentication();
}
