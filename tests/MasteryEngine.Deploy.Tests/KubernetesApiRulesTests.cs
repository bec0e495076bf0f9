using YamlDotNet.RepresentationModel;

namespace MasteryEngine.Deploy.Tests;

/// <summary>
/// Every manifest passes the API server's rules (<see cref="KubernetesApiRules"/>), the rules catch what the API
/// server refuses, and re-applying deploy/k8s cannot undo what an operator set (the Secret, the replica count).
/// </summary>
public sealed class KubernetesApiRulesTests
{
    public static TheoryData<string> ManifestFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in KubernetesManifests.All.Select(m => "k8s/" + m.File).Concat(KubernetesManifests.Examples.Select(m => "k8s-examples/" + m.File)).Distinct())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void Every_manifest_meets_the_api_servers_rules(string file)
    {
        var applied = KubernetesManifests.All.Select(m => m.Document).ToList();
        var documents = file.StartsWith("k8s/", StringComparison.Ordinal)
            ? KubernetesManifests.All.Where(m => "k8s/" + m.File == file)
            : KubernetesManifests.Examples.Where(m => "k8s-examples/" + m.File == file);

        foreach (var (_, document) in documents)
        {
            Assert.Empty(KubernetesApiRules.Check(document, applied));
        }
    }

    [Theory]
    [InlineData("apiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata: {name: a, namespace: n}\nspec: {serviceName: s, selector: {matchLabels: {app: a}}, template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: i}]}}}", "apiVersion")]
    [InlineData("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: a, namespace: n}\nspec: {serviceName: s, selector: {matchLabels: {app: a}}, template: {metadata: {labels: {app: b}}, spec: {containers: [{name: c, image: i}]}}}", "match")]
    [InlineData("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: a, namespace: n}\nspec: {serviceName: s, selector: {matchLabels: {app: a}}, template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c}]}}}", "image")]
    [InlineData("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: a, namespace: n}\nspec: {serviceName: s, selector: {matchLabels: {app: a}}, template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: i, ports: [{name: a-very-long-port-name, containerPort: 80}]}]}}}", "15 characters")]
    [InlineData("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: a, namespace: n}\nspec: {serviceName: s, selector: {matchLabels: {app: a}}, template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: i, resources: {limits: {memory: 512MB}}}]}}}", "quantity")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: n}\ndata: {GDPR_RETENTION_DAYS: 90}", "string")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Bad_Name, namespace: n}\ndata: {}", "DNS-1123")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {}", "namespace")]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: n}\nspec: {ports: [{name: h, port: 80, targetPort: nope}]}", "targetPort")]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: n}\nspec: {ports: [{port: 70000}]}", "65535")]
    [InlineData("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: a, namespace: n}\nspec: {minAvailable: 1, maxUnavailable: 1, selector: {}}", "exactly one")]
    [InlineData("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: a, namespace: n}\nspec: {scaleTargetRef: {kind: StatefulSet, name: missing}, minReplicas: 2, maxReplicas: 6}", "scaleTargetRef")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: n}", "kind")]
    public void The_rules_refuse_what_the_api_server_refuses(string yaml, string expected)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));

        var errors = KubernetesApiRules.Check((YamlMappingNode)stream.Documents[0].RootNode, []);

        Assert.Contains(errors, error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Applying_the_folder_never_brings_back_a_secret()
    {
        Assert.DoesNotContain(KubernetesManifests.All, m => m.Document.Text("kind") == "Secret");
        Assert.Single(KubernetesManifests.Examples, m => m.Document.Text("kind") == "Secret");
    }

    [Fact]
    public void Replicas_are_left_to_the_autoscaler()
    {
        var statefulSet = KubernetesManifests.Named("StatefulSet", "mastery-engine");
        var autoscaler = KubernetesManifests.Named("HorizontalPodAutoscaler", "mastery-engine");

        Assert.Null(statefulSet.Find("spec", "replicas"));
        Assert.Equal("StatefulSet", autoscaler.Text("spec", "scaleTargetRef", "kind"));
    }

    [Fact]
    public void The_kubernetes_guide_creates_the_secret_and_every_topic_the_service_reads_or_writes()
    {
        var guide = File.ReadAllText(RepositoryFiles.PathOf("docs", "kubernetes.md"));

        Assert.Contains("kubectl create secret generic mastery-engine-secrets -n learnflow", guide, StringComparison.Ordinal);
        var loop = guide.Split('\n').Single(line => line.StartsWith("for topic in ", StringComparison.Ordinal));
        foreach (var topic in new[] { "mastery.requests", "mastery.results", "mastery.events", "mastery.dlq" })
        {
            Assert.Contains(topic + ":", loop, StringComparison.Ordinal);
        }

        Assert.Contains("kafka-topics.sh --bootstrap-server \"$BOOTSTRAP\" --create", guide, StringComparison.Ordinal);
    }
}
