namespace MasteryEngine.Gateway.Extensions;

public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) => services.AddOpenApi();

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
