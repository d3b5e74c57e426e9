using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Health, telemetry, ProblemDetails and token validation: what the gateway and every
    /// service need. Domain services call the overload with their database, which adds the
    /// database and the event bus with its outbox and inbox as well.
    /// </summary>
    public static ServiceInfo AddServiceDefaults(this WebApplicationBuilder builder, string appId, bool validateTokens = true)
    {
        var service = ServiceInfo.From(builder.Configuration, appId);
        builder.Services.AddSingleton(service);
        builder.AddPlatformTelemetry(service.AppId);
        builder.Services.AddPlatformProblemDetails();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddOpenApi();
        builder.Services.AddAuthorization();
        if (validateTokens) builder.AddTokenValidation();
        return service;
    }

    /// <summary>Everything above, plus the service's own database and the event bus.</summary>
    public static ServiceInfo AddServiceDefaults<TContext, TSqlite, TPostgres>(this WebApplicationBuilder builder, string appId)
        where TContext : ServiceDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var service = builder.AddServiceDefaults(appId);
        builder.AddServiceDatabase<TContext, TSqlite, TPostgres>();
        builder.AddEventBus();
        return service;
    }

    /// <summary>Error handling, auth, Idempotency-Key on writes, health endpoints, the OpenAPI document and, on Dapr, the subscription routes.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        // Kept answers live in the service's own database. A process without one (the gateway,
        // Identity) passes the header on to the service that keeps them, and skips a middleware
        // that the gateway's profile showed at about 4 % of its time per proxied request.
        if (app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(ServiceDbContext)))
        {
            app.UseMiddleware<IdempotencyMiddleware>();
        }
        app.MapHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        foreach (var configure in app.Services.GetServices<IEndpointContributor>())
        {
            configure.Map(app);
        }
        return app;
    }
}

/// <summary>Lets a part of the defaults (the Dapr transport's subscription routes) add endpoints.</summary>
public interface IEndpointContributor
{
    void Map(WebApplication app);
}
