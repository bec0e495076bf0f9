using MasteryEngine.Gateway.Apis;
using MasteryEngine.Gateway.Observability;
using MasteryEngine.Gateway.OpenApi;
using MasteryEngine.Gateway.Security;

namespace MasteryEngine.Gateway.Extensions;

public static class MasteryApiExtensions
{
    public const string VersionPrefix = "/api/v1";

    public static IServiceCollection AddMasteryApi(this IServiceCollection services) => services.AddSingleton<MasteryServices>();

    /// <summary>
    /// Every data route under <c>/api/v1</c> and, because the seeds' examples call them so, at the root too.
    /// Only the versioned routes are in the OpenAPI document; the root ones are aliases. All need a token.
    /// </summary>
    public static WebApplication MapMasteryApis(this WebApplication app)
    {
        app.MapServiceApi();
        MapDataRoutes(app.MapGroup(VersionPrefix));
        MapDataRoutes(app.MapGroup("")).ExcludeFromDescription();
        return app;
    }

    private static RouteGroupBuilder MapDataRoutes(RouteGroupBuilder group) => group
        .RequireAuthorization(AuthorizationPolicies.Authenticated)
        .ProducesDataRouteProblems()
        .AddEndpointFilter<LoggedStudentIdFilter>()
        .MapMasteryApi()
        .MapActivationApi()
        .MapLearnerApi()
        .MapInsightsApi()
        .MapBatchApi()
        .MapAnalyticsApi()
        .MapCohortApi()
        .MapProcessApi()
        .MapComplianceApi();
}
