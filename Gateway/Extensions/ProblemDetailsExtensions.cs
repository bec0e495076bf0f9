using MasteryEngine.Gateway.Infrastructure;

namespace MasteryEngine.Gateway.Extensions;

public static class ProblemDetailsExtensions
{
    /// <summary>Every error is <c>application/problem+json</c> with <c>"success": false</c> and an actionable detail.</summary>
    public static IServiceCollection AddGatewayProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsDefaults.Customize);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        return services;
    }

    /// <summary>Exceptions and empty error answers (unknown route, 401, 403) become problem details.</summary>
    public static WebApplication UseGatewayErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
