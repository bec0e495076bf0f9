using System.Reflection;
using MasteryEngine.ReviewAgent.Analysis;
using MasteryEngine.ReviewAgent.Assessing;
using MasteryEngine.ReviewAgent.Contracts;
using MasteryEngine.ReviewAgent.Options;
using MasteryEngine.ReviewAgent.Scoring;
using MasteryEngine.ReviewAgent.Validation;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Apis;

/// <summary>The anonymous service routes: info, liveness and readiness.</summary>
public static class ServiceApi
{
    private static readonly string Version =
        typeof(ServiceApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapServiceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", GetInfo).AllowAnonymous();
        app.MapGet("/health", () => TypedResults.Json(new LivenessStatus("healthy"), ReviewJsonContext.Default.LivenessStatus)).AllowAnonymous();
        app.MapReadiness();
        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ServiceInfo> GetInfo(IHostEnvironment environment, IOptions<KafkaOptions> kafka, AssessmentService assessments) =>
        TypedResults.Json(
            new ServiceInfo("review-agent", Version, environment.EnvironmentName, kafka.Value.Enabled, assessments.FeedVia,
                SubmissionRules.Languages, PythonAnalyser.Analysers, QualityRubric.Version),
            ReviewJsonContext.Default.ServiceInfo);
}
