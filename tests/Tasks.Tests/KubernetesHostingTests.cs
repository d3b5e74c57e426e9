using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;
using Orleans.Runtime;
using Platform.TestSupport;

namespace Platform.Tasks.Tests;

/// <summary>
/// The silo as a Kubernetes pod configures it, as far as a test without a cluster reaches: the
/// pod's environment (the variables the Helm chart sets) is read into the silo's name, address
/// and ids, Redis holds the membership, and Orleans' Kubernetes agent is wired in. The agent's
/// calls to the Kubernetes API are not exercised: there is no API server here.
/// </summary>
[NonParallelizable]
public sealed class KubernetesHostingTests
{
    private static readonly Dictionary<string, string> Pod = new()
    {
        ["POD_NAME"] = "platform-tasks-7d9f8-x2k4q",
        ["POD_NAMESPACE"] = "platform",
        ["POD_IP"] = "127.0.0.1",
        ["ORLEANS_SERVICE_ID"] = "platform-tasks-k8s-test",
        ["ORLEANS_CLUSTER_ID"] = "platform-k8s-test",
    };

    [Test]
    public void With_Kubernetes_hosting_the_silo_takes_its_identity_from_the_pod() => WithPodEnvironment(() =>
    {
        using var host = BuildSilo(kubernetesHosting: true);
        var services = host.Services;
        // Orleans validates these on read: namespace and pod name set, and the silo named after the pod.
        Assert.DoesNotThrow(() => _ = services.GetRequiredService<IOptions<KubernetesHostingOptions>>().Value);
        Assert.That(services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName, Is.EqualTo(Pod["POD_NAME"]));
        var cluster = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.That((cluster.ServiceId, cluster.ClusterId), Is.EqualTo((Pod["ORLEANS_SERVICE_ID"], Pod["ORLEANS_CLUSTER_ID"])));
        var endpoints = services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.That(endpoints.AdvertisedIPAddress, Is.EqualTo(IPAddress.Parse("127.0.0.1")));
        Assert.That(endpoints.SiloListeningEndpoint?.Address, Is.EqualTo(IPAddress.Any), "a pod listens on every address");
        Assert.That(services.GetRequiredService<IMembershipTable>().GetType().Name, Does.Contain("Redis"));
        // Orleans' Kubernetes agent is wired in: building it asks for the in-cluster API configuration,
        // which only a pod has; here that is as far as it gets.
        var error = Assert.Catch(() => LifecycleParticipants(services).ToList());
        Assert.That(error!.GetType().Name, Is.EqualTo("KubeConfigException"));
        Assert.That(error.Message, Does.Contain("KUBERNETES_SERVICE_HOST"));
    });

    [Test]
    public void In_a_pod_without_Kubernetes_hosting_the_silo_still_clusters_on_Redis_under_the_pod_name() => WithPodEnvironment(() =>
    {
        using var host = BuildSilo(kubernetesHosting: null);
        var services = host.Services;
        Assert.That(services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName, Is.EqualTo(Pod["POD_NAME"]));
        Assert.That(services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, Is.EqualTo(Pod["ORLEANS_SERVICE_ID"]));
        Assert.That(services.GetRequiredService<IMembershipTable>().GetType().Name, Does.Contain("Redis"));
        Assert.That(LifecycleParticipants(services), Does.Not.Contain("KubernetesClusterAgent"),
            "no service account token is mounted, so the agent is not asked for");
    });

    private static IHost BuildSilo(bool? kubernetesHosting)
    {
        // The default configuration holds the environment, as in the Tasks web app.
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = TestServers.Redis,
            ["Silo:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo:KubernetesHosting"] = kubernetesHosting?.ToString(),
        });
        builder.Services.AddTaskGrainServices(builder.Configuration);
        builder.UseOrleans(silo => silo.ConfigureTasksSilo(builder.Configuration));
        return builder.Build();
    }

    private static IEnumerable<string> LifecycleParticipants(IServiceProvider services) =>
        services.GetServices<ILifecycleParticipant<ISiloLifecycle>>().Select(p => p.GetType().Name);

    /// <summary>Orleans' Kubernetes support reads the process environment itself, so the pod's variables are set for the test and restored.</summary>
    private static void WithPodEnvironment(Action test)
    {
        var saved = Pod.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (key, value) in Pod) Environment.SetEnvironmentVariable(key, value);
            test();
        }
        finally
        {
            foreach (var (key, value) in saved) Environment.SetEnvironmentVariable(key, value);
        }
    }
}
