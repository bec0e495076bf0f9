using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MasteryEngine.Deploy.Tests;

/// <summary>
/// What the Kubernetes API server checks before it accepts an object of the kinds we ship (no schema validator is
/// packaged here): each rule names the path it failed on. New kinds must be added here before they can be shipped.
/// </summary>
public static partial class KubernetesApiRules
{
    private static readonly Dictionary<string, string> ApiVersions = new(StringComparer.Ordinal)
    {
        ["Namespace"] = "v1",
        ["ConfigMap"] = "v1",
        ["Secret"] = "v1",
        ["Service"] = "v1",
        ["ServiceAccount"] = "v1",
        ["StatefulSet"] = "apps/v1",
        ["Deployment"] = "apps/v1",
        ["HorizontalPodAutoscaler"] = "autoscaling/v2",
        ["PodDisruptionBudget"] = "policy/v1",
        ["NetworkPolicy"] = "networking.k8s.io/v1",
        ["Role"] = "rbac.authorization.k8s.io/v1",
        ["RoleBinding"] = "rbac.authorization.k8s.io/v1",
    };

    public static IReadOnlyList<string> Check(YamlMappingNode document, IReadOnlyList<YamlMappingNode> siblings)
    {
        var errors = new List<string>();
        var kind = Scalar(document, "kind");
        if (kind is null || !ApiVersions.TryGetValue(kind, out var apiVersion))
        {
            return [$"kind '{kind}' is not one of {string.Join(", ", ApiVersions.Keys)}"];
        }

        if (Scalar(document, "apiVersion") != apiVersion)
        {
            errors.Add($"apiVersion of a {kind} must be {apiVersion}");
        }

        var name = Scalar(document, "metadata", "name");
        if (name is null || !Dns1123Subdomain().IsMatch(name) || name.Length > 253)
        {
            errors.Add("metadata.name must be a DNS-1123 subdomain");
        }

        if (kind != "Namespace" && Scalar(document, "metadata", "namespace") is null)
        {
            errors.Add("metadata.namespace is required for a namespaced kind");
        }

        CheckStringMap(document, errors, "metadata", "labels");
        CheckStringMap(document, errors, "metadata", "annotations");
        switch (kind)
        {
            case "ConfigMap":
                CheckStringMap(document, errors, "data");
                break;
            case "Secret":
                CheckStringMap(document, errors, "stringData");
                CheckStringMap(document, errors, "data");
                break;
            case "Service":
                CheckService(document, siblings, errors);
                break;
            case "StatefulSet" or "Deployment":
                CheckWorkload(document, kind, errors);
                break;
            case "HorizontalPodAutoscaler":
                CheckAutoscaler(document, siblings, errors);
                break;
            case "PodDisruptionBudget":
                if ((document.Find("spec", "minAvailable") is null) == (document.Find("spec", "maxUnavailable") is null))
                {
                    errors.Add("spec must set exactly one of minAvailable and maxUnavailable");
                }

                Require(document, errors, "spec", "selector");
                break;
            case "NetworkPolicy":
                Require(document, errors, "spec", "podSelector");
                break;
        }

        return errors;
    }

    private static void CheckService(YamlMappingNode service, IReadOnlyList<YamlMappingNode> siblings, List<string> errors)
    {
        var ports = Sequence(service, errors, "spec", "ports");
        var containerPortNames = siblings
            .Where(document => Scalar(document, "kind") is "StatefulSet" or "Deployment")
            .SelectMany(workload => Items(workload, "spec", "template", "spec", "containers"))
            .SelectMany(container => Items(container, "ports"))
            .Select(port => Scalar(port, "name"))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var port in ports)
        {
            CheckPortNumber(port, errors, "spec.ports[].port", "port");
            CheckProtocol(port, errors, "spec.ports[]");
            if (ports.Count > 1 && Scalar(port, "name") is null)
            {
                errors.Add("spec.ports[].name is required when a Service has several ports");
            }

            if (port.Find("targetPort") is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } target } && !int.TryParse(target, out _)
                && !containerPortNames.Contains(target))
            {
                errors.Add($"spec.ports[].targetPort '{target}' names no container port");
            }
        }
    }

    private static void CheckWorkload(YamlMappingNode workload, string kind, List<string> errors)
    {
        Require(workload, errors, "spec", "template");
        if (kind == "StatefulSet")
        {
            Require(workload, errors, "spec", "serviceName");
        }

        var selector = workload.Find("spec", "selector", "matchLabels") as YamlMappingNode;
        var labels = workload.Find("spec", "template", "metadata", "labels") as YamlMappingNode;
        if (selector is null || labels is null
            || selector.Children.Any(pair => !labels.Children.TryGetValue(pair.Key, out var value) || !value.Equals(pair.Value)))
        {
            errors.Add("spec.selector.matchLabels must be set and match spec.template.metadata.labels");
        }

        var containers = Sequence(workload, errors, "spec", "template", "spec", "containers");
        if (containers.Count == 0)
        {
            errors.Add("spec.template.spec.containers must hold at least one container");
        }

        foreach (var container in containers)
        {
            if (Scalar(container, "name") is not { } name || !Dns1123Label().IsMatch(name))
            {
                errors.Add("containers[].name must be a DNS-1123 label");
            }

            if (Scalar(container, "image") is null)
            {
                errors.Add("containers[].image is required");
            }

            foreach (var port in Items(container, "ports"))
            {
                CheckPortNumber(port, errors, "containers[].ports[].containerPort", "containerPort");
                CheckProtocol(port, errors, "containers[].ports[]");
                if (Scalar(port, "name") is { } portName && (portName.Length > 15 || !Dns1123Label().IsMatch(portName)))
                {
                    errors.Add($"containers[].ports[].name '{portName}' must be a DNS-1123 label of at most 15 characters");
                }
            }

            foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
            {
                if (container.Find(probe) is YamlMappingNode probeNode
                    && new[] { "httpGet", "tcpSocket", "exec", "grpc" }.Count(handler => probeNode.Find(handler) is not null) != 1)
                {
                    errors.Add($"containers[].{probe} must have exactly one handler");
                }
            }

            foreach (var bound in new[] { "requests", "limits" })
            {
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    if (container.Find("resources", bound, resource) is YamlScalarNode { Value: { } quantity } && !Quantity().IsMatch(quantity))
                    {
                        errors.Add($"containers[].resources.{bound}.{resource} '{quantity}' is not a Kubernetes quantity");
                    }
                }
            }
        }
    }

    private static void CheckAutoscaler(YamlMappingNode autoscaler, IReadOnlyList<YamlMappingNode> siblings, List<string> errors)
    {
        var max = Integer(autoscaler, "spec", "maxReplicas");
        var min = Integer(autoscaler, "spec", "minReplicas") ?? 1;
        if (max is null || max < min || min < 1)
        {
            errors.Add("spec.maxReplicas is required and must be at least spec.minReplicas (≥ 1)");
        }

        var targetKind = Scalar(autoscaler, "spec", "scaleTargetRef", "kind");
        var targetName = Scalar(autoscaler, "spec", "scaleTargetRef", "name");
        if (!siblings.Any(document => Scalar(document, "kind") == targetKind && Scalar(document, "metadata", "name") == targetName))
        {
            errors.Add($"spec.scaleTargetRef {targetKind}/{targetName} is not among the manifests");
        }
    }

    private static void CheckPortNumber(YamlNode port, List<string> errors, string path, string key)
    {
        if (Integer(port, key) is not (>= 1 and <= 65535))
        {
            errors.Add($"{path} must be a number from 1 to 65535");
        }
    }

    private static void CheckProtocol(YamlNode port, List<string> errors, string path)
    {
        if (Scalar(port, "protocol") is { } protocol && protocol is not ("TCP" or "UDP" or "SCTP"))
        {
            errors.Add($"{path}.protocol must be TCP, UDP or SCTP");
        }
    }

    /// <summary>ConfigMap data, labels and annotations are maps of strings: an unquoted 90, true or 1.0 is refused.</summary>
    private static void CheckStringMap(YamlNode document, List<string> errors, params string[] path)
    {
        if (document.Find(path) is not YamlMappingNode map)
        {
            return;
        }

        foreach (var (key, value) in map.Children)
        {
            if (value is not YamlScalarNode scalar
                || (scalar.Style == ScalarStyle.Plain && NonStringPlainScalar().IsMatch(scalar.Value ?? "")))
            {
                errors.Add($"{string.Join('.', path)}.{key} must be a string (quote it)");
            }
        }
    }

    private static void Require(YamlNode document, List<string> errors, params string[] path)
    {
        if (document.Find(path) is null)
        {
            errors.Add($"{string.Join('.', path)} is required");
        }
    }

    private static List<YamlNode> Sequence(YamlNode node, List<string> errors, params string[] path)
    {
        if (node.Find(path) is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        errors.Add($"{string.Join('.', path)} must be a list");
        return [];
    }

    private static IEnumerable<YamlNode> Items(YamlNode node, params string[] path) =>
        node.Find(path) is YamlSequenceNode sequence ? sequence.Children : [];

    private static string? Scalar(YamlNode node, params string[] path) => node.Find(path) is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    private static int? Integer(YamlNode node, params string[] path) =>
        node.Find(path) is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } value } && int.TryParse(value, out var number) ? number : null;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$")]
    private static partial Regex Quantity();

    [GeneratedRegex("^(-?[0-9]+(\\.[0-9]+)?|true|false|True|False|TRUE|FALSE|yes|no|null|~)$")]
    private static partial Regex NonStringPlainScalar();
}
