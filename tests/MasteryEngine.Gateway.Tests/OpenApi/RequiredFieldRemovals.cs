using System.Text.Json;
using System.Text.Json.Nodes;

namespace MasteryEngine.Gateway.Tests.OpenApi;

/// <summary>
/// Every body that an example gives by leaving out one of its fields (at any depth), and whether the document
/// says that body is invalid (a required field, or a <c>oneOf</c> of required fields no longer met exactly once).
/// </summary>
public static class RequiredFieldRemovals
{
    public sealed record Removal(string Field, string Body, bool DocumentSaysInvalid);

    public static IEnumerable<Removal> Of(OpenApiDocument document, JsonElement example, JsonElement schema)
    {
        var root = JsonNode.Parse(example.GetRawText())!;
        return Walk(document, root, root, schema, []);
    }

    private static IEnumerable<Removal> Walk(OpenApiDocument document, JsonNode root, JsonNode? node, JsonElement schema, List<object> path)
    {
        var resolved = document.Resolve(schema);
        if (node is JsonObject obj && resolved.TryGetProperty("properties", out var properties))
        {
            foreach (var name in obj.Select(property => property.Key).ToList())
            {
                var remaining = obj.Select(property => property.Key).Where(key => key != name).ToHashSet(StringComparer.Ordinal);
                yield return new Removal(Describe(path, name), Without(root, path, name), Violates(resolved, remaining));
                if (properties.TryGetProperty(name, out var propertySchema))
                {
                    foreach (var removal in Walk(document, root, obj[name], propertySchema, [.. path, name]))
                    {
                        yield return removal;
                    }
                }
            }
        }

        if (node is JsonArray { Count: > 0 } array && resolved.TryGetProperty("items", out var items))
        {
            foreach (var removal in Walk(document, root, array[0], items, [.. path, 0]))
            {
                yield return removal;
            }
        }
    }

    private static bool Violates(JsonElement schema, HashSet<string> present)
    {
        if (schema.TryGetProperty("required", out var required) && required.EnumerateArray().Any(field => !present.Contains(field.GetString()!)))
        {
            return true;
        }

        return schema.TryGetProperty("oneOf", out var alternatives)
               && alternatives.EnumerateArray().Count(alternative =>
                   alternative.GetProperty("required").EnumerateArray().All(field => present.Contains(field.GetString()!))) != 1;
    }

    private static string Without(JsonNode root, List<object> path, string name)
    {
        var copy = root.DeepClone();
        var node = copy;
        foreach (var segment in path)
        {
            node = segment is int index ? node![index] : node![(string)segment];
        }

        ((JsonObject)node!).Remove(name);
        return copy.ToJsonString();
    }

    private static string Describe(List<object> path, string name) =>
        string.Concat(path.Select(segment => segment is int index ? $"[{index}]" : $"{segment}.")) + name;
}
