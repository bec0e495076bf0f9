using YamlDotNet.RepresentationModel;

namespace MasteryEngine.Deploy.Tests;

/// <summary>Path navigation over YamlDotNet's representation model, failing with the path that is missing.</summary>
public static class YamlNodeExtensions
{
    public static YamlNode? Find(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static YamlNode At(this YamlNode node, params string[] path) =>
        node.Find(path) ?? throw new Xunit.Sdk.XunitException("Missing YAML path: " + string.Join('.', path));

    public static string Text(this YamlNode node, params string[] path) =>
        node.At(path) is YamlScalarNode { Value: { } value }
            ? value
            : throw new Xunit.Sdk.XunitException("Not a scalar: " + string.Join('.', path));

    public static IReadOnlyList<YamlNode> Items(this YamlNode node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence
            ? [.. sequence.Children]
            : throw new Xunit.Sdk.XunitException("Not a sequence: " + string.Join('.', path));

    public static IReadOnlyDictionary<string, string> Labels(this YamlNode node, params string[] path) =>
        ((YamlMappingNode)node.At(path)).Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value!);
}
