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
            var options = ConnectionOptions(configuration.GetConnectionString("Redis") ?? DefaultConnectionString);
            options.ClientName ??= provider.GetService<ServiceInfo>()?.AppId;
            return ConnectionMultiplexer.Connect(options);
        });
        return services;
    }

    /// <summary>
    /// The options every connection of the platform to Redis uses: it starts while Redis is down
    /// (abortConnect=false) and reconnects soon after Redis is back.
    /// </summary>
    /// <remarks>
    /// StackExchange.Redis's default reconnect policy (exponential from ConnectTimeout/2, up to 10 s)
    /// let a service wait several seconds after Redis answered again before it tried to connect; every
    /// event published or read in that time waited too. Attempts to a Redis that is down are refused
    /// at once, so trying about every second costs nothing.
    /// </remarks>
    public static ConfigurationOptions ConnectionOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        return options.ReconnectingSoon();
    }

    /// <summary>Reconnect attempts about every second, however long Redis was down (see <see cref="ConnectionOptions"/>).</summary>
    public static ConfigurationOptions ReconnectingSoon(this ConfigurationOptions options)
    {
        options.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 250, maxDeltaBackOffMilliseconds: 1000);
        return options;
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
