using YamlDotNet.RepresentationModel;

namespace MasteryEngine.ReviewAgent.Tests.Deploy;

/// <summary>deploy/k8s/review-agent-*.yaml and the Dockerfile say what the runbook says.</summary>
public class ReviewAgentManifestTests
{
    private static string Repository([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Repository(), "deploy", "k8s", file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlNode At(YamlNode node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step is int index ? ((YamlSequenceNode)node)[index] : ((YamlMappingNode)node)[new YamlScalarNode((string)step)];
        }

        return node;
    }

    private static string Text(YamlNode node, params object[] path) => ((YamlScalarNode)At(node, path)).Value!;

    [Fact]
    public void The_deployment_has_the_runbooks_production_resources_and_probes()
    {
        var container = At(Load("review-agent-deployment.yaml"), "spec", "template", "spec", "containers", 0);

        Assert.Equal("256Mi", Text(container, "resources", "requests", "memory"));
        Assert.Equal("250m", Text(container, "resources", "requests", "cpu"));
        Assert.Equal("512Mi", Text(container, "resources", "limits", "memory"));
        Assert.Equal("500m", Text(container, "resources", "limits", "cpu"));
        Assert.Equal("/health", Text(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/ready", Text(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("8004", Text(container, "ports", 0, "containerPort"));
        Assert.Equal("true", Text(container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("mastery-engine-secrets", Text(container, "env", 0, "valueFrom", "secretKeyRef", "name"));
    }

    [Fact]
    public void The_service_and_network_policy_expose_8004()
    {
        Assert.Equal("8004", Text(Load("review-agent-service.yaml"), "spec", "ports", 0, "port"));
        Assert.Equal("8004", Text(Load("review-agent-networkpolicy.yaml"), "spec", "ingress", 0, "ports", 0, "port"));
    }

    [Fact]
    public void The_image_installs_the_analysers_and_listens_on_8004()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Repository(), "deploy", "review-agent", "Dockerfile"));

        foreach (var package in new[] { "pylint", "pyflakes3", "pycodestyle", "radon", "bubblewrap" })
        {
            Assert.Contains(package, dockerfile, StringComparison.Ordinal);
        }

        Assert.Contains("ASPNETCORE_HTTP_PORTS=8004", dockerfile, StringComparison.Ordinal);
    }
}
