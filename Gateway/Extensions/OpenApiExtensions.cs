using MasteryEngine.Gateway.OpenApi;
using MasteryEngine.Gateway.Options;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Extensions;

public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The document with the bearer scheme, configured servers, request examples and the real required fields.</summary>
    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services)
    {
        services.AddOptions<OpenApiDocumentOptions>()
            .BindConfiguration(OpenApiDocumentOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.PublicBaseUrl = configuration["PUBLIC_BASE_URL"] is { Length: > 0 } url ? url : options.PublicBaseUrl)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenApiDocumentOptions>, OpenApiDocumentOptionsValidator>();
        return services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ConfiguredServersTransformer>();
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<RequestExampleTransformer>();
            options.AddSchemaTransformer<RequiredFieldsSchemaTransformer>();
        });
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and Swagger UI over it at <c>/docs</c>, both anonymous.</summary>
    public static WebApplication MapGatewayDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.DocumentTitle = "Mastery Engine API";
            options.SwaggerEndpoint(DocumentPath, "Mastery Engine v1");
        });
        return app;
    }
}
