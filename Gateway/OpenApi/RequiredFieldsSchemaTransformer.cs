using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MasteryEngine.Gateway.OpenApi;

/// <summary>
/// Sets <c>required</c> of request schemas from <see cref="RequiredRequestFields"/> instead of ASP.NET's guess
/// (every constructor parameter), which marked optional fields such as <c>event_id</c> and <c>components</c> required.
/// </summary>
internal sealed class RequiredFieldsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }

        var type = context.JsonTypeInfo.Type;
        if (RequiredRequestFields.ByType.TryGetValue(type, out var required))
        {
            schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
        }

        if (RequiredRequestFields.ExactlyOneOf.TryGetValue(type, out var alternatives))
        {
            schema.OneOf = [.. alternatives.Select(field => (IOpenApiSchema)new OpenApiSchema { Required = new HashSet<string> { field } })];
        }

        return Task.CompletedTask;
    }
}
