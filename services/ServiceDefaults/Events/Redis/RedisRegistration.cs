using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Events.Redis;

/// <summary>The Redis connection every service may share (events, cache, locks) and the Redis Streams transport.</summary>
public static class RedisRegistration
{
    public const string DefaultConnectionString = "127.0.0.1:6379";

    /// <summary>
    /// One <see cref="IConnectionMultiplexer"/> for the process, from ConnectionStrings:Redis.
    /// abortConnect=false: the service starts while Redis is down and reconnects by itself;
    /// the readiness check reports the outage meanwhile.
    /// </summary>
    public static IServiceCollection AddRedisConnection(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IConnectionMultiplexer>(provider =>
        {
            var options = ConfigurationOptions.Parse(configuration.GetConnectionString("Redis") ?? DefaultConnectionString);
            options.AbortOnConnectFail = false;
            options.ClientName ??= provider.GetService<ServiceInfo>()?.AppId;
            return ConnectionMultiplexer.Connect(options);
        });
        return services;
    }

    internal static void AddRedisStreamsTransport(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<RedisStreamsOptions>(builder.Configuration.GetSection(RedisStreamsOptions.Section));
        services.AddRedisConnection(builder.Configuration);
        services.AddSingleton<IEventTransport, RedisStreamsTransport>();
        services.AddHostedService<RedisStreamsConsumer>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("broker", tags: ["ready"]);
    }
}
