using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Platform.Tasks.Domain;
using Platform.Tasks.Grains;
using StackExchange.Redis;

namespace Platform.Tasks;

/// <summary>
/// The Orleans silo co-hosted in the Tasks web app. Configuration (<c>Silo</c> section; Orleans reads <c>Orleans</c> itself):
/// <c>Clustering</c> = <c>localhost</c> (one silo, make run; the default) or <c>redis</c>
/// (production, with the Kubernetes pod's POD_NAME, POD_IP, ORLEANS_SERVICE_ID and
/// ORLEANS_CLUSTER_ID); <c>Storage</c> = <c>redis</c> (default when ConnectionStrings:Redis is
/// set) or <c>memory</c>; <c>SiloPort</c>/<c>GatewayPort</c>, a free port when not set, so two
/// silos on one machine (tests, engineers) never collide.
/// </summary>
public static class TasksSilo
{
    public const string StorageName = "tasks";

    public static WebApplicationBuilder AddTasksSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddTaskGrainServices(builder.Configuration);
        builder.Services.AddSingleton<ITaskProjection, Persistence.TaskReadModelProjection>();
        builder.UseOrleans(silo =>
        {
            var config = builder.Configuration;
            var orleans = config.GetSection("Silo");
            var serviceId = Environment.GetEnvironmentVariable("ORLEANS_SERVICE_ID") ?? orleans["ServiceId"] ?? "platform-tasks";
            var clusterId = Environment.GetEnvironmentVariable("ORLEANS_CLUSTER_ID") ?? orleans["ClusterId"] ?? "platform";
            var siloPort = orleans.GetValue<int?>("SiloPort") ?? FreePort();
            var gatewayPort = orleans.GetValue<int?>("GatewayPort") ?? FreePort();
            var redis = config.GetConnectionString("Redis");
            if (string.Equals(orleans["Clustering"], "redis", StringComparison.OrdinalIgnoreCase))
            {
                silo.Configure<ClusterOptions>(o => { o.ServiceId = serviceId; o.ClusterId = clusterId; });
                silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(Require(redis)));
                var podIp = Environment.GetEnvironmentVariable("POD_IP");
                silo.ConfigureEndpoints(podIp is { Length: > 0 } ip ? IPAddress.Parse(ip) : IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: true);
                if (Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } podName)
                {
                    silo.Configure<SiloOptions>(o => o.SiloName = podName);
                }
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, null, serviceId, clusterId);
            }
            var storage = orleans["Storage"] ?? (string.IsNullOrEmpty(redis) ? "memory" : "redis");
            silo.AddTaskStorage(storage, redis);
        });
        return builder;
    }

    /// <summary>Grain storage and reminders: Redis in every real run, memory for a throwaway silo (benchmarks).</summary>
    public static ISiloBuilder AddTaskStorage(this ISiloBuilder silo, string storage, string? redis)
    {
        if (string.Equals(storage, "redis", StringComparison.OrdinalIgnoreCase))
        {
            // Orleans' own serializer rather than the provider's default Newtonsoft JSON with type
            // names: state classes carry [Id]s, so it stays readable as they gain fields.
            silo.AddRedisGrainStorage(StorageName, options => options.Configure<Orleans.Serialization.Serializer>((o, serializer) =>
            {
                o.ConfigurationOptions = ConfigurationOptions.Parse(Require(redis));
                o.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer);
            }));
            silo.UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(Require(redis)));
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageName);
            silo.UseInMemoryReminderService();
        }
        return silo;
    }

    /// <summary>What the grains need besides Orleans: the calendar, the clock, the options.</summary>
    public static IServiceCollection AddTaskGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TasksOptions>(configuration.GetSection(TasksOptions.Section));
        services.AddSingleton(sp => new WorkingCalendar(sp.GetRequiredService<IOptions<TasksOptions>>().Value.Holidays));
        services.AddSingleton(sp => new TaskClock(TimeProvider.System));
        return services;
    }

    private static string Require(string? redis) =>
        string.IsNullOrEmpty(redis) ? throw new InvalidOperationException("Orleans on Redis needs ConnectionStrings:Redis.") : redis;

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
