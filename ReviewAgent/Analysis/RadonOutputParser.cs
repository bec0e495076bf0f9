using System.Text.Json;

namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>Reads <c>radon cc -j</c> (blocks with complexity, methods nested in classes) and <c>radon mi -j</c>.</summary>
public static class RadonOutputParser
{
    /// <returns>Every function, method, closure and class, in source order; empty when radon could not parse the file.</returns>
    /// <exception cref="JsonException">The output is not radon's JSON.</exception>
    public static IReadOnlyList<CodeBlock> ParseComplexity(string json)
    {
        using var document = JsonDocument.Parse(json);
        var blocks = new List<CodeBlock>();
        foreach (var file in document.RootElement.EnumerateObject())
        {
            if (file.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var block in file.Value.EnumerateArray())
                {
                    Collect(block, blocks);
                }
            }
        }

        return [.. blocks.DistinctBy(block => (block.Kind, block.Name, block.Line)).OrderBy(block => block.Line).ThenBy(block => block.Name, StringComparer.Ordinal)];
    }

    /// <returns>The maintainability index, or null when radon could not parse the file.</returns>
    public static double? ParseMaintainability(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var file in document.RootElement.EnumerateObject())
        {
            if (file.Value.TryGetProperty("mi", out var mi) && mi.ValueKind == JsonValueKind.Number)
            {
                return mi.GetDouble();
            }
        }

        return null;
    }

    private static void Collect(JsonElement block, List<CodeBlock> blocks)
    {
        var type = block.TryGetProperty("type", out var kind) ? kind.GetString() ?? "" : "";
        blocks.Add(new CodeBlock(
            block.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "",
            type,
            Int(block, "lineno"),
            Int(block, "endline"),
            Int(block, "complexity")));
        foreach (var nested in new[] { "methods", "closures" })
        {
            if (block.TryGetProperty(nested, out var children) && children.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in children.EnumerateArray())
                {
                    Collect(child, blocks);
                }
            }
        }
    }

    private static int Int(JsonElement block, string name) =>
        block.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;
}
