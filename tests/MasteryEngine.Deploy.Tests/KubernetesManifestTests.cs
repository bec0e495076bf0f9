using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace MasteryEngine.Deploy.Tests;

public sealed class KubernetesManifestTests
{
    private static YamlMappingNode StatefulSet => KubernetesManifests.Named("StatefulSet", "mastery-engine");

    private static YamlNode PodSpec => StatefulSet.At("spec", "template", "spec");

    private static IReadOnlyDictionary<string, string> PodLabels => StatefulSet.Labels("spec", "template", "metadata", "labels");

    [Fact]
    public void Every_manifest_parses_and_everything_but_the_namespace_lives_in_learnflow()
    {
        Assert.NotEmpty(KubernetesManifests.All);
        foreach (var (file, document) in KubernetesManifests.All)
        {
            Assert.False(string.IsNullOrEmpty(document.Text("apiVersion")), file);
            Assert.False(string.IsNullOrEmpty(document.Text("metadata", "name")), file);
            if (document.Text("kind") != "Namespace")
            {
                Assert.Equal("learnflow", document.Text("metadata", "namespace"));
            }
        }

        Assert.Equal("learnflow", KubernetesManifests.Named("Namespace", "learnflow").Text("metadata", "name"));
        Assert.Equal("00-namespace.yaml", KubernetesManifests.All[0].File);
    }

    [Fact]
    public void Statefulset_is_governed_by_a_headless_service_that_selects_its_pods()
    {
        var headless = KubernetesManifests.Named("Service", StatefulSet.Text("spec", "serviceName"));

        Assert.Equal("apps/v1", StatefulSet.Text("apiVersion"));
        Assert.Equal("None", headless.Text("spec", "clusterIP"));
        Assert.Subset(PodLabels.ToHashSet(), headless.Labels("spec", "selector").ToHashSet());
        Assert.Subset(PodLabels.ToHashSet(), StatefulSet.Labels("spec", "selector", "matchLabels").ToHashSet());
        Assert.Equal("mastery-engine", PodLabels["app"]);
    }

    [Fact]
    public void Client_service_is_cluster_ip_on_80_and_8005_and_reaches_the_container_on_8005()
    {
        var service = KubernetesManifests.Named("Service", "mastery-engine");
        var containerPort = KubernetesManifests.Container().Items("ports").Single(p => p.Text("name") == "http");

        Assert.Equal("ClusterIP", service.Text("spec", "type"));
        Assert.Subset(PodLabels.ToHashSet(), service.Labels("spec", "selector").ToHashSet());
        Assert.Equal("8005", containerPort.Text("containerPort"));
        var ports = service.Items("spec", "ports");
        Assert.Equal(["80", "8005"], ports.Select(p => p.Text("port")).Order());
        Assert.All(ports, p => Assert.Equal(containerPort.Text("name"), p.Text("targetPort")));
    }

    [Fact]
    public void Probes_are_liveness_on_health_readiness_on_ready_and_a_startup_probe()
    {
        var container = KubernetesManifests.Container();

        Assert.Equal("/health", container.Text("livenessProbe", "httpGet", "path"));
        Assert.Equal("/ready", container.Text("readinessProbe", "httpGet", "path"));
        Assert.Equal("/health", container.Text("startupProbe", "httpGet", "path"));
        var startupBudget = Seconds(container, "startupProbe", "periodSeconds") * Seconds(container, "startupProbe", "failureThreshold");
        Assert.InRange(startupBudget, 60, 120);
        Assert.All(new[] { "livenessProbe", "readinessProbe", "startupProbe" }, probe =>
            Assert.Equal("http", container.Text(probe, "httpGet", "port")));
    }

    [Fact]
    public void Resources_request_256Mi_and_250m_and_limit_512Mi_and_500m()
    {
        var resources = KubernetesManifests.Container().At("resources");

        Assert.Equal("256Mi", resources.Text("requests", "memory"));
        Assert.Equal("250m", resources.Text("requests", "cpu"));
        Assert.Equal("512Mi", resources.Text("limits", "memory"));
        Assert.Equal("500m", resources.Text("limits", "cpu"));
    }

    [Fact]
    public void Container_runs_as_non_root_on_a_read_only_root_with_no_capabilities()
    {
        var security = KubernetesManifests.Container().At("securityContext");

        Assert.Equal("true", security.Text("runAsNonRoot"));
        Assert.NotEqual("0", security.Text("runAsUser"));
        Assert.Equal("true", security.Text("readOnlyRootFilesystem"));
        Assert.Equal("false", security.Text("allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], security.Items("capabilities", "drop").Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal("RuntimeDefault", security.Text("seccompProfile", "type"));
        Assert.Equal("true", PodSpec.Text("securityContext", "runAsNonRoot"));
        Assert.Equal("RuntimeDefault", PodSpec.Text("securityContext", "seccompProfile", "type"));
    }

    [Fact]
    public void The_read_only_root_gets_a_writable_tmp()
    {
        var mount = KubernetesManifests.Container().Items("volumeMounts").Single(m => m.Text("mountPath") == "/tmp");
        var volume = PodSpec.Items("volumes").Single(v => v.Text("name") == mount.Text("name"));

        Assert.NotNull(volume.Find("emptyDir"));
    }

    [Fact]
    public void Termination_grace_covers_the_pre_stop_pause_and_the_drain_time()
    {
        var grace = Seconds(PodSpec, "terminationGracePeriodSeconds");
        var preStop = KubernetesManifests.Container().Items("lifecycle", "preStop", "exec", "command")
            .Select(n => ((YamlScalarNode)n).Value!).ToList();
        var drain = int.Parse(
            KubernetesManifests.Named("ConfigMap", "mastery-engine-config").Text("data", "DOTNET_SHUTDOWNTIMEOUTSECONDS"),
            CultureInfo.InvariantCulture);

        Assert.Equal("sleep", preStop[0]);
        var pause = int.Parse(preStop[1], CultureInfo.InvariantCulture);
        Assert.InRange(grace, pause + drain + 5, pause + drain + 30);
    }

    [Fact]
    public void Kafka_group_instance_id_is_the_pod_name_from_the_downward_api()
    {
        var variable = KubernetesManifests.Container().Items("env").Single(e => e.Text("name") == "KAFKA_GROUP_INSTANCE_ID");

        Assert.Equal("metadata.name", variable.Text("valueFrom", "fieldRef", "fieldPath"));
    }

    [Fact]
    public void Configuration_comes_from_the_config_map_and_the_example_secret_holds_only_a_placeholder()
    {
        var sources = KubernetesManifests.Container().Items("envFrom");
        var config = KubernetesManifests.Named("ConfigMap", "mastery-engine-config");
        var secret = KubernetesManifests.Example("Secret", "mastery-engine-secrets");

        Assert.Contains(sources, s => s.Find("configMapRef", "name") is YamlScalarNode { Value: "mastery-engine-config" });
        Assert.Contains(sources, s => s.Find("secretRef", "name") is YamlScalarNode { Value: "mastery-engine-secrets" });
        Assert.Equal("production", config.Text("data", "ENVIRONMENT"));
        Assert.Equal("redis", config.Text("data", "STORAGE_PROVIDER"));
        Assert.Equal("kafka", config.Text("data", "STREAM_PROVIDER"));
        // Shorter than the 32 bytes Production demands: the placeholder can never be used as a real secret.
        Assert.InRange(Encoding.UTF8.GetByteCount(secret.Text("stringData", "JWT_SECRET")), 1, 31);
    }

    [Fact]
    public void Pod_disruption_budget_takes_at_most_one_silo_at_a_time()
    {
        var budget = KubernetesManifests.Named("PodDisruptionBudget", "mastery-engine");

        Assert.Equal("policy/v1", budget.Text("apiVersion"));
        Assert.Equal(1, Seconds(budget, "spec", "maxUnavailable"));
        Assert.Null(budget.Find("spec", "minAvailable"));
        Assert.Subset(PodLabels.ToHashSet(), budget.Labels("spec", "selector", "matchLabels").ToHashSet());
    }

    [Fact]
    public void Autoscaler_v2_scales_the_statefulset_on_cpu_between_two_and_more_replicas()
    {
        var autoscaler = KubernetesManifests.Named("HorizontalPodAutoscaler", "mastery-engine");

        Assert.Equal("autoscaling/v2", autoscaler.Text("apiVersion"));
        Assert.Equal("StatefulSet", autoscaler.Text("spec", "scaleTargetRef", "kind"));
        Assert.Equal("mastery-engine", autoscaler.Text("spec", "scaleTargetRef", "name"));
        Assert.True(Seconds(autoscaler, "spec", "minReplicas") >= 2);
        Assert.True(Seconds(autoscaler, "spec", "maxReplicas") > Seconds(autoscaler, "spec", "minReplicas"));
        Assert.Contains(autoscaler.Items("spec", "metrics"), m => m.Text("resource", "name") == "cpu");
    }

    [Fact]
    public void Network_policy_admits_8005_and_the_orleans_ports_and_lets_out_only_redis_kafka_dns_telemetry_silos_and_the_api()
    {
        var policy = KubernetesManifests.Named("NetworkPolicy", "mastery-engine");
        var ingressPorts = policy.Items("spec", "ingress").SelectMany(r => r.Items("ports")).Select(PortOf).ToHashSet();
        var egressPorts = policy.Items("spec", "egress").SelectMany(r => r.Items("ports")).Select(PortOf).ToHashSet();

        Assert.Equal(["Ingress", "Egress"], policy.Items("spec", "policyTypes").Select(n => ((YamlScalarNode)n).Value));
        Assert.Subset(PodLabels.ToHashSet(), policy.Labels("spec", "podSelector", "matchLabels").ToHashSet());
        Assert.Equal(new HashSet<string> { "TCP/8005", "TCP/11111", "TCP/30000" }, ingressPorts);
        Assert.Equal(new HashSet<string> { "TCP/6379", "TCP/9092", "UDP/53", "TCP/53", "TCP/4317", "TCP/4318", "TCP/11111", "TCP/30000", "TCP/443", "TCP/6443" }, egressPorts);
    }

    private static string PortOf(YamlNode port) => port.Text("protocol") + "/" + port.Text("port");

    private static int Seconds(YamlNode node, params string[] path) => int.Parse(node.Text(path), CultureInfo.InvariantCulture);
}
