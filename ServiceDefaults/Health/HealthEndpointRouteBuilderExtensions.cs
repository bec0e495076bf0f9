using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace MasteryEngine.ServiceDefaults.Health;

public static class HealthEndpointRouteBuilderExtensions
{
    /// <summary>
    /// <c>GET /ready</c> for anyone: every health check tagged <see cref="ReadinessResponse.ReadyTag"/>, 200 <c>ready</c>
    /// or 503 <c>not_ready</c> with each dependency's status.
    /// </summary>
    public static IEndpointConventionBuilder MapReadiness(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/ready", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadinessResponse.ReadyTag),
            ResponseWriter = ReadinessResponse.WriteAsync,
        }).AllowAnonymous();
}
