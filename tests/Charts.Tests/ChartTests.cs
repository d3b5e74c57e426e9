using Platform.Contracts;

namespace Platform.Charts.Tests;

[TestFixture("values.yaml")]
[TestFixture("values-dev.yaml")]
public sealed class ChartTests(string valuesFile)
{
    private RenderedChart Chart => RenderedChart.With(valuesFile);

    private static IEnumerable<ServiceCode> DaprServices => ServiceCode.All.Where(s => s.Component != "gateway");

    [Test]
    public void The_chart_renders_the_workloads_and_the_dapr_component()
    {
        Assert.That(Chart.OfKind("Deployment").ToList(), Is.Not.Empty);
        Assert.That(Chart.OfKind("Component").ToList(), Has.Count.EqualTo(1));
    }

    [Test]
    public void Every_service_in_the_solution_that_serves_traffic_has_a_deployment_service_and_config()
    {
        var projects = SolutionProjects.ServingTraffic().ToList();
        Assert.That(projects.Select(p => p.Component), Is.SupersetOf(new[] { "gateway", "documents", "tasks" }));
        Assert.Multiple(() =>
        {
            foreach (var project in projects)
            {
                Assert.That(Chart.Workload("Deployment", project.Component), Is.Not.Null, $"{project.Path} has no Deployment");
                Assert.That(Chart.Workload("Service", project.Component), Is.Not.Null, $"{project.Path} has no Service");
                Assert.That(Chart.Workload("ConfigMap", project.Component), Is.Not.Null, $"{project.Path} has no ConfigMap");
            }
        });
    }

    [Test]
    public void Every_topic_a_service_subscribes_to_in_code_is_in_its_subscription_scope()
    {
        var scopes = DaprScopes.Of(Chart);
        Assert.That(DaprServices.SelectMany(s => s.Subscribes), Is.Not.Empty, "the scan found no AddEventHandler<,> at all");
        Assert.Multiple(() =>
        {
            foreach (var service in DaprServices)
            {
                Assert.That(scopes.SubscribingOf(service.AppId), Is.SupersetOf(service.Subscribes),
                    $"services.{service.Component}.dapr.subscribes lacks a topic its code subscribes to");
            }
        });
    }

    [Test]
    public void The_dead_letter_topic_of_every_subscription_may_be_published_by_the_subscriber()
    {
        var scopes = DaprScopes.Of(Chart);
        Assert.Multiple(() =>
        {
            foreach (var service in DaprServices)
            {
                var deadLetters = service.Subscribes.Select(topic => topic + Topics.DeadLetterSuffix);
                Assert.That(scopes.PublishingOf(service.AppId), Is.SupersetOf(deadLetters),
                    $"{service.AppId}'s sidecar could not move a failing message to its dead-letter topic");
            }
        });
    }

    [Test]
    public void Every_topic_a_service_publishes_in_code_is_in_its_publishing_scope()
    {
        var scopes = DaprScopes.Of(Chart);
        Assert.That(DaprServices.SelectMany(s => s.Publishes), Is.Not.Empty, "the scan found no outbox.Add(new ...) at all");
        Assert.Multiple(() =>
        {
            foreach (var service in DaprServices)
            {
                Assert.That(scopes.PublishingOf(service.AppId), Is.SupersetOf(service.Publishes),
                    $"services.{service.Component}.dapr.publishes lacks a topic its code publishes");
            }
        });
    }

    [Test]
    public void Each_service_runs_the_dapr_transport_under_the_app_id_of_its_code()
    {
        var scopes = DaprScopes.Of(Chart);
        Assert.Multiple(() =>
        {
            foreach (var service in DaprServices)
            {
                var annotations = Chart.Workload("Deployment", service.Component)!.At("spec", "template", "metadata", "annotations");
                var config = Chart.Workload("ConfigMap", service.Component)!;
                Assert.That(Yaml.At(annotations, "dapr.io/enabled"), Is.EqualTo("true"), service.Component);
                Assert.That(Yaml.At(annotations, "dapr.io/app-id"), Is.EqualTo(service.AppId), service.Component);
                Assert.That(Yaml.At(annotations, "dapr.io/app-port"), Is.EqualTo("8080"), service.Component);
                Assert.That(config.Text("data", "EventBus__Transport"), Is.EqualTo("dapr"), service.Component);
                Assert.That(config.Text("data", "EventBus__PubSubName"), Is.EqualTo(scopes.ComponentName), service.Component);
                Assert.That(config.Text("data", "Service__AppId"), Is.EqualTo(service.AppId), service.Component);
                Assert.That(scopes.Apps, Does.Contain(service.AppId), "the component's scopes");
            }
        });
    }

    [Test]
    public void Every_container_runs_as_non_root_on_a_read_only_filesystem_without_capabilities()
    {
        Assert.Multiple(() =>
        {
            foreach (var workload in Chart.OfKind("Deployment").Concat(Chart.OfKind("Job")))
            {
                var pod = workload.At("spec", "template", "spec");
                Assert.That(Yaml.At(pod, "securityContext", "runAsNonRoot"), Is.EqualTo("true"), workload.Name);
                Assert.That(Yaml.At(pod, "securityContext", "seccompProfile", "type"), Is.EqualTo("RuntimeDefault"), workload.Name);
                foreach (var container in Yaml.Items(Yaml.At(pod, "containers")))
                {
                    Assert.That(Yaml.At(container, "securityContext", "readOnlyRootFilesystem"), Is.EqualTo("true"), workload.Name);
                    Assert.That(Yaml.At(container, "securityContext", "allowPrivilegeEscalation"), Is.EqualTo("false"), workload.Name);
                    Assert.That(Yaml.Items(Yaml.At(container, "securityContext", "capabilities", "drop")), Does.Contain("ALL"), workload.Name);
                }
            }
        });
    }

    [Test]
    public void Probes_ask_the_services_health_endpoints()
    {
        Assert.Multiple(() =>
        {
            foreach (var deployment in Chart.OfKind("Deployment"))
            {
                var container = deployment.At("spec", "template", "spec", "containers", 0);
                Assert.That(Yaml.At(container, "livenessProbe", "httpGet", "path"), Is.EqualTo("/health/live"), deployment.Name);
                Assert.That(Yaml.At(container, "readinessProbe", "httpGet", "path"), Is.EqualTo("/health/ready"), deployment.Name);
                Assert.That(Yaml.At(container, "startupProbe", "httpGet", "path"), Is.EqualTo("/health/live"), deployment.Name);
            }
        });
    }

    [Test]
    public void Tasks_pods_follow_the_orleans_kubernetes_guidance()
    {
        var tasks = Chart.Workload("Deployment", "tasks")!;
        var pod = tasks.At("spec", "template", "spec");
        var container = Yaml.At(pod, "containers", 0);
        var env = Yaml.Items(Yaml.At(container, "env")).ToDictionary(e => (string)Yaml.At(e, "name")!);
        var ports = Yaml.Items(Yaml.At(container, "ports")).Select(p => Yaml.At(p, "containerPort")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(int.Parse((string)Yaml.At(pod, "terminationGracePeriodSeconds")!), Is.GreaterThanOrEqualTo(150));
            Assert.That(tasks.Text("spec", "strategy", "rollingUpdate", "maxUnavailable"), Is.EqualTo("0"));
            Assert.That(tasks.At("spec", "template", "metadata", "labels", "orleans/serviceId"), Is.Not.Null);
            Assert.That(tasks.At("spec", "template", "metadata", "labels", "orleans/clusterId"), Is.Not.Null);
            Assert.That(env.Keys, Is.SupersetOf(new[] { "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID", "ConnectionStrings__Redis" }));
            Assert.That(Yaml.At(env["POD_IP"], "valueFrom", "fieldRef", "fieldPath"), Is.EqualTo("status.podIP"));
            Assert.That(ports, Is.SupersetOf(new[] { "11111", "30000" }));
            Assert.That(Chart.Workload("PodDisruptionBudget", "tasks"), Is.Not.Null);
        });
    }

    [Test]
    public void Only_the_gateway_takes_traffic_from_outside_the_release()
    {
        Assert.Multiple(() =>
        {
            foreach (var policy in Chart.OfKind("NetworkPolicy"))
            {
                var component = policy.Text("metadata", "labels", "app.kubernetes.io/component");
                if (component is null or "gateway") continue;
                foreach (var rule in Yaml.Items(policy.At("spec", "ingress")))
                {
                    var ports = Yaml.Items(Yaml.At(rule, "ports")).Select(p => Yaml.At(p, "port") as string).ToList();
                    if (ports.SequenceEqual(["9090"])) continue; // the sidecar's metrics, to the monitoring namespace
                    foreach (var peer in Yaml.Items(Yaml.At(rule, "from")))
                    {
                        Assert.That(Yaml.At(peer, "namespaceSelector") ?? Yaml.At(peer, "ipBlock"), Is.Null,
                            $"{policy.Name} lets traffic in from outside the release");
                    }
                }
            }
        });
    }

    [Test]
    public void Documents_gets_the_exchange_directory_and_each_agencys_shared_key_from_a_secret()
    {
        var config = Chart.Workload("ConfigMap", "documents")!;
        Assert.Multiple(() =>
        {
            Assert.That(config.Text("data", "Documents__Exchange__SelfCode"), Is.EqualTo("000.00.01.H56"));
            Assert.That(config.Text("data", "Documents__Exchange__Agencies__2__Code"), Is.EqualTo("000.00.03.H56"));
            Assert.That(config.Text("data", "Documents__Exchange__Agencies__2__Name"), Is.EqualTo("Sở Tài chính"));
            Assert.That(config.Text("data", "Documents__Exchange__RetryFirst"), Is.EqualTo("00:00:30"));
            Assert.That(Chart.Workload("ConfigMap", "tasks")!.Text("data", "Documents__Exchange__SelfCode"), Is.Null);
        });
        var env = Yaml.Items(Chart.Workload("Deployment", "documents")!.At("spec", "template", "spec", "containers", 0, "env"))
            .Where(e => (Yaml.At(e, "name") as string)?.StartsWith("Documents__Exchange__Agencies__", StringComparison.Ordinal) == true)
            .ToList();
        if (valuesFile == "values-dev.yaml")
        {
            Assert.That(env, Is.Not.Empty);
            Assert.That(Yaml.At(env[2], "valueFrom", "secretKeyRef", "name"), Is.EqualTo("platform-exchange-keys"));
            Assert.That(Yaml.At(env[2], "valueFrom", "secretKeyRef", "key"), Is.EqualTo("000.00.03.H56"));
        }
        else
        {
            Assert.That(env, Is.Empty, "no keys secret configured: no agency can call us");
        }
    }

    [Test]
    public void Documents_keeps_files_in_object_storage_and_signs_with_certificates_from_a_secret_in_production()
    {
        var config = Chart.Workload("ConfigMap", "documents")!;
        var pod = Chart.Workload("Deployment", "documents")!.At("spec", "template", "spec");
        var env = Yaml.Items(Yaml.At(pod, "containers", 0, "env")).ToDictionary(e => (string)Yaml.At(e, "name")!);
        var volumes = Yaml.Items(Yaml.At(pod, "volumes")).Select(v => (string)Yaml.At(v, "name")!).ToList();
        Assert.That(Chart.Workload("ConfigMap", "tasks")!.Text("data", "Files__Store"), Is.Null);
        if (valuesFile == "values-dev.yaml")
        {
            Assert.That(config.Text("data", "Files__Store"), Is.EqualTo("disk"));
            Assert.That(config.Text("data", "Certificates__Source"), Is.EqualTo("development"));
            Assert.That(env.Keys, Has.None.StartsWith("Files__S3__").And.None.StartsWith("Certificates__"));
            Assert.That(volumes, Does.Not.Contain("certificates"));
            return;
        }
        Assert.Multiple(() =>
        {
            Assert.That(config.Text("data", "Files__Store"), Is.EqualTo("s3"));
            Assert.That(config.Text("data", "Files__S3__Endpoint"), Does.StartWith("http"));
            Assert.That(config.Text("data", "Files__S3__SecretKey"), Is.Null, "the secret key is not in a ConfigMap");
            Assert.That(Yaml.At(env["Files__S3__SecretKey"], "valueFrom", "secretKeyRef", "name"), Is.EqualTo("platform-object-storage"));
            Assert.That(Yaml.At(env["Files__S3__AccessKey"], "valueFrom", "secretKeyRef", "key"), Is.EqualTo("accessKey"));
            Assert.That(config.Text("data", "Certificates__Source"), Is.EqualTo("files"));
            Assert.That(config.Text("data", "Certificates__Folder"), Is.EqualTo("/etc/platform/certificates"));
            Assert.That(Yaml.At(env["Certificates__Seal__Password"], "valueFrom", "secretKeyRef", "name"), Is.EqualTo("platform-signing-certificates"));
            Assert.That(volumes, Does.Contain("certificates"));
        });
    }
}
