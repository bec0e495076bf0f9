using System.Text.Json;

namespace MasteryEngine.Gateway.Tests.OpenApi;

/// <summary>The served <c>/openapi/v1.json</c>: its operations and schema lookups (following <c>$ref</c>).</summary>
public sealed class OpenApiDocument(JsonElement root)
{
    public JsonElement Root { get; } = root;

    public static async Task<OpenApiDocument> LoadAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return new OpenApiDocument(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public IReadOnlyList<OpenApiOperation> Operations =>
    [
        .. Root.GetProperty("paths").EnumerateObject().SelectMany(path =>
            path.Value.EnumerateObject().Select(operation => new OpenApiOperation(operation.Name, path.Name, operation.Value))),
    ];

    /// <summary>The object schema a schema stands for: <c>$ref</c> followed, a nullable <c>oneOf</c> unwrapped.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(Root.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        if (!schema.TryGetProperty("properties", out _) && schema.TryGetProperty("oneOf", out var alternatives))
        {
            var notNull = alternatives.EnumerateArray().Where(alternative =>
                !(alternative.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null")).ToList();
            if (notNull.Count == 1)
            {
                return Resolve(notNull[0]);
            }
        }

        return schema;
    }

    public bool IsProblemSchema(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
        && reference.GetString() is "#/components/schemas/ProblemDetails" or "#/components/schemas/HttpValidationProblemDetails";
}
