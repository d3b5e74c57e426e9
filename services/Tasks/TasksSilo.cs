using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events.Redis;
using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Platform.Tasks.Domain;
using Platform.Tasks.Grains;
using StackExchange.Redis;

namespace Platform.Tasks;

/// <summary>
/// The Orleans silo co-hosted in the Tasks web app. Configuration, section <c>Silo</c> (Orleans
/// reads <c>Orleans</c> itself, so only the ports the Helm chart sets are read from there too):
/// <list type="bullet">
/// <item><c>Clustering</c>: <c>localhost</c> (one silo, make run) or <c>redis</c>; default
/// <c>redis</c> in a Kubernetes pod (POD_NAME set), else <c>localhost</c>.</item>
/// <item><c>KubernetesHosting</c>: Microsoft.Orleans.Hosting.Kubernetes (silo name, address and ids
/// from POD_NAME, POD_IP, ORLEANS_SERVICE_ID, ORLEANS_CLUSTER_ID); default on when the pod has a
/// service account token, which the chart mounts only for it.</item>
/// <item><c>Storage</c>: <c>redis</c> (default when ConnectionStrings:Redis is set) or <c>memory</c>.</item>
/// <item><c>SiloPort</c>, <c>GatewayPort</c> (or <c>Orleans:SiloPort</c>, <c>Orleans:GatewayPort</c>):
/// a free port when not set, so silos of tests and engineers on one machine never collide.</item>
/// </list>
/// </summary>
public static class TasksSilo
{
    public const string StorageName = "tasks";

    private const string ServiceAccountToken = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static WebApplicationBuilder AddTasksSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddTaskGrainServices(builder.Configuration);
        builder.Services.AddSingleton<ITaskProjection, Persistence.TaskReadModelProjection>();
        builder.UseOrleans(silo => silo.ConfigureTasksSilo(builder.Configuration));
        return builder;
    }

    /// <summary>
    /// Clustering, endpoints and storage from configuration. The pod variables (POD_NAME, POD_IP,
    /// ORLEANS_SERVICE_ID, ORLEANS_CLUSTER_ID) are read through configuration, which holds the
    /// environment in a real run, so a test can give a silo a pod's settings without touching
    /// its own process environment.
    /// </summary>
    public static ISiloBuilder ConfigureTasksSilo(this ISiloBuilder silo, IConfiguration config)
    {
        var settings = config.GetSection("Silo");
        var inPod = config["POD_NAME"] is { Length: > 0 };
        var serviceId = config["ORLEANS_SERVICE_ID"] is { Length: > 0 } sid ? sid : settings["ServiceId"] ?? "platform-tasks";
        var clusterId = config["ORLEANS_CLUSTER_ID"] is { Length: > 0 } cid ? cid : settings["ClusterId"] ?? "platform";
        var siloPort = settings.GetValue<int?>("SiloPort") ?? config.GetValue<int?>("Orleans:SiloPort") ?? FreePort();
        var gatewayPort = settings.GetValue<int?>("GatewayPort") ?? config.GetValue<int?>("Orleans:GatewayPort") ?? FreePort();
        var redis = config.GetConnectionString("Redis");
        var clustering = settings["Clustering"] ?? (inPod ? "redis" : "localhost");
        if (string.Equals(clustering, "redis", StringComparison.OrdinalIgnoreCase))
        {
            silo.Configure<ClusterOptions>(o => { o.ServiceId = serviceId; o.ClusterId = clusterId; });
            silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(Require(redis)).ReconnectingSoon());
            silo.ConfigureEndpoints(config["POD_IP"] is { Length: > 0 } ip ? IPAddress.Parse(ip) : IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: true);
            if (settings.GetValue<bool?>("KubernetesHosting") ?? (inPod && File.Exists(ServiceAccountToken)))
            {
                silo.UseKubernetesHosting();
            }
            else if (config["POD_NAME"] is { Length: > 0 } podName)
            {
                silo.Configure<SiloOptions>(o => o.SiloName = podName);
            }
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, null, serviceId, clusterId);
        }
        var storage = settings["Storage"] ?? (string.IsNullOrEmpty(redis) ? "memory" : "redis");
        return silo.AddTaskStorage(storage, redis);
    }

    /// <summary>Grain storage and reminders: Redis in every real run, memory for a throwaway silo (benchmarks).</summary>
    public static ISiloBuilder AddTaskStorage(this ISiloBuilder silo, string storage, string? redis)
    {
        // Both stores write the state with Orleans' own binary serializer rather than the providers'
        // default, Newtonsoft JSON with type names: state classes carry [Id]s, so it stays readable as
        // they gain fields, and it costs a fraction of the CPU and allocations of JSON on every write.
        // The memory store gets the same one so a benchmark on it measures what Redis runs.
        if (string.Equals(storage, "redis", StringComparison.OrdinalIgnoreCase))
        {
            silo.AddRedisGrainStorage(StorageName, options => options.Configure<Orleans.Serialization.Serializer>((o, serializer) =>
            {
                o.ConfigurationOptions = ConfigurationOptions.Parse(Require(redis)).ReconnectingSoon();
                o.GrainStorageSerializer = BinaryState(serializer);
            }));
            silo.UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(Require(redis)).ReconnectingSoon());
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageName, options => options.Configure<Orleans.Serialization.Serializer>((o, serializer) =>
                o.GrainStorageSerializer = BinaryState(serializer)));
            silo.UseInMemoryReminderService();
        }
        return silo;
    }

    private static Orleans.Storage.OrleansGrainStorageSerializer BinaryState(Orleans.Serialization.Serializer serializer) => new(serializer);

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
