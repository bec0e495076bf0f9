using System.Reflection;
using System.Security.Claims;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Options;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Apis;

/// <summary>The anonymous service routes: info, liveness and readiness.</summary>
public static class ServiceApi
{
    public const string ReadyTag = ReadinessResponse.ReadyTag;

    public static IEndpointRouteBuilder MapServiceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", GetInfo).AllowAnonymous().WithName("ServiceInfo").WithTags("Service")
            .WithSummary("The service's name, version and mode").ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapGet("/health", GetHealth).AllowAnonymous().WithName("Health").WithTags("Service")
            .WithSummary("Liveness: the process answers").ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapReadiness();
        return app;
    }

    /// <summary>Liveness only: the process answers. Dependencies are <c>/ready</c>'s business.</summary>
    public static LivenessStatus GetHealth() => new("healthy");

    public static ServiceInfo GetInfo(IOptions<GatewayOptions> options, IHostEnvironment environment, ClaimsPrincipal user) => new(
        "mastery-engine",
        Version,
        user.Identity?.IsAuthenticated == true ? environment.EnvironmentName : null,
        new ServiceMode(options.Value.StorageProvider, options.Value.StreamProvider, Embedded: true),
        "/docs");

    private static readonly string Version =
        typeof(ServiceApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
