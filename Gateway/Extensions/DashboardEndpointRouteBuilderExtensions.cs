using MasteryEngine.Gateway.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Orleans.Dashboard;

namespace MasteryEngine.Gateway.Extensions;

public static class DashboardEndpointRouteBuilderExtensions
{
    public const string RoutePrefix = "/dashboard";

    /// <summary>
    /// The Orleans Dashboard (silos and their status, activations per grain type, calls, latency, exceptions) at
    /// <c>/dashboard</c>. It has no authentication of its own, so every one of its routes requires an admin token.
    /// </summary>
    public static IEndpointRouteBuilder MapOrleansDashboardForAdmins(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOrleansDashboard(routePrefix: RoutePrefix)
            .RequireAuthorization(AuthorizationPolicies.Admin)
            .ExcludeFromDescription();
        return endpoints;
    }
}
