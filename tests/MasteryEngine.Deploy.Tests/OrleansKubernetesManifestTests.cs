using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MasteryEngine.Deploy.Tests;

/// <summary>What Microsoft.Orleans.Hosting.Kubernetes and an Orleans cluster need from the manifests.</summary>
public sealed class OrleansKubernetesManifestTests
{
    private static YamlMappingNode StatefulSet => KubernetesManifests.Named("StatefulSet", "mastery-engine");

    private static YamlNode PodSpec => StatefulSet.At("spec", "template", "spec");

    private static IReadOnlyDictionary<string, string> PodLabels => StatefulSet.Labels("spec", "template", "metadata", "labels");

    private static YamlMappingNode Policy => KubernetesManifests.Named("NetworkPolicy", "mastery-engine");

    [Theory]
    [InlineData("POD_NAME", "metadata.name")]
    [InlineData("POD_NAMESPACE", "metadata.namespace")]
    [InlineData("POD_IP", "status.podIP")]
    [InlineData("ORLEANS_SERVICE_ID", "metadata.labels['orleans/serviceId']")]
    [InlineData("ORLEANS_CLUSTER_ID", "metadata.labels['orleans/clusterId']")]
    public void Kubernetes_hosting_variables_come_from_the_downward_api(string name, string fieldPath)
    {
        var variable = KubernetesManifests.Container().Items("env").Single(e => e.Text("name") == name);

        Assert.Equal(fieldPath, variable.Text("valueFrom", "fieldRef", "fieldPath"));
    }

    [Fact]
    public void Pods_carry_the_orleans_service_and_cluster_labels()
    {
        Assert.False(string.IsNullOrWhiteSpace(PodLabels.GetValueOrDefault("orleans/serviceId")));
        Assert.False(string.IsNullOrWhiteSpace(PodLabels.GetValueOrDefault("orleans/clusterId")));
    }

    [Fact]
    public void Container_declares_the_silo_port_11111_and_the_gateway_port_30000()
    {
        var ports = KubernetesManifests.Container().Items("ports").Select(p => p.Text("containerPort")).ToHashSet();

        Assert.Superset(new HashSet<string> { "8005", "11111", "30000" }, ports);
    }

    [Fact]
    public void Service_account_token_is_mounted_and_bound_to_a_role_with_exactly_the_pod_verbs_the_agent_needs()
    {
        var role = KubernetesManifests.Named("Role", "mastery-engine-orleans");
        var binding = KubernetesManifests.Named("RoleBinding", "mastery-engine-orleans");
        var rule = role.Items("rules").Single();
        var subject = binding.Items("subjects").Single();

        Assert.Equal("true", PodSpec.Text("automountServiceAccountToken"));
        Assert.Equal(["pods"], Scalars(rule, "resources"));
        Assert.Equal([""], Scalars(rule, "apiGroups"));
        // delete would be needed only with DeleteDefunctSiloPods, which stays off.
        Assert.Equal(["get", "list", "patch", "watch"], Scalars(rule, "verbs").Order(StringComparer.Ordinal));
        Assert.Equal("Role", binding.Text("roleRef", "kind"));
        Assert.Equal(role.Text("metadata", "name"), binding.Text("roleRef", "name"));
        Assert.Equal("ServiceAccount", subject.Text("kind"));
        Assert.Equal(PodSpec.Text("serviceAccountName"), subject.Text("name"));
        Assert.Equal("learnflow", subject.Text("namespace"));
        KubernetesManifests.Named("ServiceAccount", PodSpec.Text("serviceAccountName"));
    }

    [Fact]
    public void Silos_reach_each_other_on_11111_and_30000_both_ways()
    {
        var ingress = Policy.Items("spec", "ingress").Single(r => SelectsSilos(r.Items("from")));
        var egress = Policy.Items("spec", "egress").Single(r => r.Find("to") is not null && SelectsSilos(r.Items("to")));

        Assert.Equal(["TCP/11111", "TCP/30000"], Ports(ingress));
        Assert.Equal(["TCP/11111", "TCP/30000"], Ports(egress));
    }

    [Fact]
    public void Sibling_orleans_clients_reach_only_the_gateway_port()
    {
        var rule = Policy.Items("spec", "ingress").Single(r => r.Items("from").Any(f => f.Find("podSelector", "matchLabels", "mastery-engine/orleans-client") is not null));

        Assert.Equal(["TCP/30000"], Ports(rule));
        Assert.Equal("true", rule.Items("from").Single().Text("podSelector", "matchLabels", "mastery-engine/orleans-client"));
    }

    [Fact]
    public void Only_the_silos_and_the_sibling_clients_reach_the_orleans_ports()
    {
        var orleansPorts = new HashSet<string> { "TCP/11111", "TCP/30000" };
        var rules = Policy.Items("spec", "ingress").Where(r => Ports(r).Any(orleansPorts.Contains)).ToList();

        Assert.Equal(2, rules.Count);
        Assert.All(rules, r => Assert.Null(r.Items("from").Single().Find("namespaceSelector")));
    }

    [Fact]
    public void Disruption_budget_leaves_enough_silos_to_cast_the_death_votes_orleans_requires_at_every_autoscaled_size()
    {
        var budget = KubernetesManifests.Named("PodDisruptionBudget", "mastery-engine");
        var autoscaler = KubernetesManifests.Named("HorizontalPodAutoscaler", "mastery-engine");
        var unavailable = Number(budget, "spec", "maxUnavailable");

        for (var silos = Number(autoscaler, "spec", "minReplicas"); silos <= Number(autoscaler, "spec", "maxReplicas"); silos++)
        {
            var remaining = silos - unavailable;
            // ClusterMembershipOptions: NumVotesForDeathDeclaration 2, capped at (active silos + 1) / 2.
            var votesNeeded = Math.Min(2, (remaining + 1) / 2);
            Assert.True(remaining >= 1 && remaining >= votesNeeded, $"{silos} silos, {unavailable} taken: {remaining} left, {votesNeeded} votes needed");
        }
    }

    private static bool SelectsSilos(IReadOnlyList<YamlNode> peers) =>
        peers.Any(p => p.Find("podSelector", "matchLabels", "app") is YamlScalarNode { Value: "mastery-engine" } && p.Find("namespaceSelector") is null);

    private static List<string> Ports(YamlNode rule) =>
        [.. rule.Items("ports").Select(p => p.Text("protocol") + "/" + p.Text("port")).Order(StringComparer.Ordinal)];

    private static List<string> Scalars(YamlNode node, string key) =>
        [.. node.Items(key).Select(n => ((YamlScalarNode)n).Value!)];

    private static int Number(YamlNode node, params string[] path) => int.Parse(node.Text(path), CultureInfo.InvariantCulture);
}
