using MasteryEngine.Gateway.Options;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace MasteryEngine.Gateway.OpenApi;

/// <summary>
/// Replaces the servers ASP.NET derives from the request (scheme and Host header, which a caller controls, so a
/// forged Host would point Swagger UI and its tokens elsewhere) with the configured public URL, or <c>/</c>.
/// </summary>
internal sealed class ConfiguredServersTransformer(IOptions<OpenApiDocumentOptions> options) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.PublicBaseUrl;
        document.Servers = [new OpenApiServer { Url = string.IsNullOrEmpty(baseUrl) ? "/" : baseUrl.TrimEnd('/') + "/" }];
        return Task.CompletedTask;
    }
}
