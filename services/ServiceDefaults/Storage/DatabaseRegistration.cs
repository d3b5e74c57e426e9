using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Events.Outbox;

namespace Platform.ServiceDefaults.Storage;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers the service's database: PostgreSQL when ConnectionStrings:Database names a
    /// host, otherwise a SQLite file in the service's data folder. Each provider has its own
    /// context subclass because EF keeps one migration history per context type.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TPostgres>(this IHostApplicationBuilder builder)
        where TContext : ServiceDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var service = builder.Services.GetServiceInfo();
        var connectionString = builder.Configuration.GetConnectionString("Database");
        // The options are built once (singleton), not per request: a scoped options lambda ran
        // UseNpgsql/UseSqlite and EF's service-provider lookup for every context, a few percent of
        // a registration's CPU. Nothing in them varies per request; the interceptor wraps a singleton.
        if (DatabaseProvider.IsPostgres(connectionString))
        {
            builder.Services.AddDbContext<TPostgres>((sp, options) => options.UseNpgsql(connectionString).AddInterceptors(OutboxCommitSignal.For(sp)),
                optionsLifetime: ServiceLifetime.Singleton);
            builder.Services.AddScoped<TContext>(sp => sp.GetRequiredService<TPostgres>());
        }
        else
        {
            connectionString = DatabaseProvider.SqliteConnectionString(connectionString, service);
            builder.Services.AddDbContext<TSqlite>((sp, options) => options.UseSqlite(connectionString).AddInterceptors(OutboxCommitSignal.For(sp)),
                optionsLifetime: ServiceLifetime.Singleton);
            builder.Services.AddScoped<TContext>(sp => sp.GetRequiredService<TSqlite>());
        }
        builder.Services.AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<TContext>());
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database", tags: ["ready"]);
        return builder;
    }

    internal static ServiceInfo GetServiceInfo(this IServiceCollection services) =>
        services.Select(d => d.ImplementationInstance).OfType<ServiceInfo>().LastOrDefault()
        ?? throw new InvalidOperationException("Call AddServiceDefaults before AddServiceDatabase.");
}

/// <summary>Which database a connection string points at.</summary>
public static class DatabaseProvider
{
    public static bool IsPostgres(string? connectionString) =>
        connectionString is not null
        && (connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || connectionString.StartsWith("postgres", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// SQLite waits for a busy writer instead of failing at once: the outbox dispatcher and
    /// request handlers write the same file.
    /// </summary>
    public static string SqliteConnectionString(string? configured, ServiceInfo service)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured)
                ? $"Data Source={Path.Combine(service.OwnFolder(), service.AppId + ".db")}"
                : configured)
        {
            DefaultTimeout = 30,
            Pooling = true,
        };
        return builder.ToString();
    }
}
