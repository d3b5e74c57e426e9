using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Client;
using Polly;
using Polly.Retry;
using Platform.Portal.Staff.Clients;
using Platform.Portal.Staff.SignIn;
using Platform.ServiceDefaults.Events.Redis;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace Platform.Portal.Staff;

/// <summary>The staff console: sign-in through the realm, its session, and the clients of the other services.</summary>
public static class StaffConsoleRegistration
{
    public static WebApplicationBuilder AddStaffConsole(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddTransient<IStartupFilter, SignInReturnGuard>();
        services.Configure<StaffConsoleOptions>(configuration.GetSection(StaffConsoleOptions.Section));
        var options = configuration.GetSection(StaffConsoleOptions.Section).Get<StaffConsoleOptions>() ?? new();
        services.AddRedisConnection(configuration);
        ShareKeysThroughRedis(builder);

        services.AddTransient<IStartupFilter, PublicAddress>();
        services.AddSingleton<RedisSessionStore>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, UseRedisSessionStore>();
        services.AddAuthentication().AddCookie(StaffSession.Scheme, cookie =>
        {
            cookie.Cookie.Name = options.SecureCookies ? StaffSession.SecureCookieName : StaffSession.PlainCookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            cookie.ExpireTimeSpan = options.SessionTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = StaffSession.SignInPath;
            cookie.AccessDeniedPath = "/staff/khong-co-quyen";
            cookie.Events.OnValidatePrincipal = AccessTokenRefresh.ValidateAsync;
        });
        services.AddAuthorizationBuilder().AddPolicy(StaffSession.Policy, policy => policy
            .AddAuthenticationSchemes(StaffSession.Scheme).RequireAuthenticatedUser());
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Staff", StaffSession.Policy);
        });
        AddRealmClient(builder, options);
        services.AddStaffApiClients(configuration);
        return builder;
    }

    public static WebApplication MapStaffConsole(this WebApplication app)
    {
        app.MapStaffSignIn();
        return app;
    }

    private static void AddRealmClient(WebApplicationBuilder builder, StaffConsoleOptions options)
    {
        var configuration = builder.Configuration;
        var issuer = configuration["Identity:Issuer"];
        if (string.IsNullOrWhiteSpace(issuer)) return; // AddServiceDefaults has already refused to start.
        var publicUrl = (options.PublicUrl ?? new Uri(new Uri(issuer), "/")).ToString().TrimEnd('/');
        builder.Services.AddOpenIddict().AddClient(client =>
        {
            client.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
            // State and request-forgery tokens go through Data Protection, whose keys every
            // replica shares; these keys only satisfy the client's start-up check. So they are
            // the cheapest kinds it accepts, a random AES key and a P-256 key: the defaults are two
            // 4096-bit RSA keys whose prime search took 2 to 4 s of CPU at every start, before
            // Kestrel listened, and much longer in wall time on a busy node.
            client.AddEphemeralEncryptionKey(SecurityAlgorithms.Aes256KW).AddEphemeralSigningKey(SecurityAlgorithms.EcdsaSha256);
            client.UseDataProtection();
            // No token database: the portal keeps no tables for the console. The state token stays
            // bound to the browser by OpenIddict's request-forgery cookie and expires in minutes.
            client.DisableTokenStorage();
            // One quick retry instead of the default back-off: a person is waiting on the sign-in
            // link, and with the identity provider down they should see the error at once, not in 15 s.
            client.UseSystemNetHttp().SetHttpResiliencePipeline(pipeline => pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 1,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(response => (int)response.StatusCode >= 500),
            }));
            client.UseAspNetCore()
                .EnableRedirectionEndpointPassthrough()
                .EnablePostLogoutRedirectionEndpointPassthrough()
                // TLS ends at the ingress and the gateway; inside the cluster the portal serves HTTP.
                .DisableTransportSecurityRequirement();
            client.SetRedirectionEndpointUris(StaffSession.CallbackPath);
            client.SetPostLogoutRedirectionEndpointUris(StaffSession.SignedOutPath);
            var metadata = configuration["Identity:MetadataAddress"];
            client.AddRegistration(new OpenIddictClientRegistration
            {
                Issuer = new Uri(issuer),
                ConfigurationEndpoint = string.IsNullOrWhiteSpace(metadata) ? null : new Uri(metadata),
                ClientId = configuration["Identity:ClientId"] ?? PortalServiceRegistration.AppId,
                ClientSecret = configuration["Identity:ClientSecret"],
                RedirectUri = new Uri($"{publicUrl}/{StaffSession.CallbackPath}"),
                PostLogoutRedirectUri = new Uri($"{publicUrl}/{StaffSession.SignedOutPath}"),
                Scopes = { "openid", "profile" },
            });
        });
    }

    /// <summary>
    /// Session cookies and sign-in state are protected by Data Protection; with more than one
    /// portal replica the key ring must be shared, so it lives in the Redis every service has.
    /// Without a configured Redis (tests of single pages) the default per-process ring stays.
    /// </summary>
    private static void ShareKeysThroughRedis(WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("platform-portal");
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis"))) return;
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((keys, redis) =>
            keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), "portal:data-protection-keys"));
    }
}
