using System.Text.Json;
using System.Text.Json.Serialization;
using MasteryEngine.ReviewAgent.Analysis;
using MasteryEngine.ReviewAgent.Apis;
using MasteryEngine.ReviewAgent.Assessing;
using MasteryEngine.ReviewAgent.Contracts;
using MasteryEngine.ReviewAgent.Feed;
using MasteryEngine.ReviewAgent.Kafka;
using MasteryEngine.ReviewAgent.Observability;
using MasteryEngine.ReviewAgent.Options;
using MasteryEngine.ReviewAgent.Scoring;
using MasteryEngine.ReviewAgent.Security;
using OpenTelemetry.Metrics;

namespace MasteryEngine.ReviewAgent.Extensions;

public static class ReviewServicesExtensions
{
    /// <summary>
    /// The analysers and their sandbox, the rubric, the way quality events take (Kafka when <c>KAFKA_ENABLED</c>,
    /// else the Mastery Engine's HTTP API unless <c>MASTERY_FEED_ENABLED=false</c>), the <c>review.requests</c>
    /// consumer, readiness checks and metrics.
    /// </summary>
    public static WebApplicationBuilder AddReviewAgent(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter<FindingCategory>());
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter<FindingSeverity>());
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ReviewJsonContext.Default);
        });
        // Unreadable bodies are thrown, then answered as problem details by ReviewExceptionHandler.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddSingleton<SandboxedProcessRunner>();
        services.AddSingleton<PythonAnalyser>();
        services.AddSingleton<AssessmentService>();
        services.AddSingleton<ReviewMetrics>();
        services.AddSingleton<ServiceTokenIssuer>();
        var health = services.AddHealthChecks().AddCheck<AnalyserHealthCheck>(AnalyserHealthCheck.Name, tags: [ReadinessResponse.ReadyTag]);

        // Read once here: which services exist depends on it. The options classes validate the same values.
        var kafkaEnabled = configuration.GetValue("KAFKA_ENABLED", configuration.GetValue($"{KafkaOptions.SectionName}:Enabled", false));
        var feedEnabled = configuration.GetValue("MASTERY_FEED_ENABLED", configuration.GetValue($"{MasteryFeedOptions.SectionName}:Enabled", true));
        if (kafkaEnabled)
        {
            services.AddSingleton<KafkaProducerConnection>();
            services.AddSingleton<IQualityEventSink, KafkaQualityEventSink>();
            services.AddHostedService<ReviewRequestConsumer>();
            health.AddCheck<KafkaHealthCheck>(KafkaHealthCheck.Name, tags: [ReadinessResponse.ReadyTag]);
        }
        else if (feedEnabled)
        {
            services.AddHttpClient<IQualityEventSink, MasteryApiQualityEventSink>();
        }

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ReviewMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting")
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapReviewAgent(this WebApplication app)
    {
        app.MapServiceApi();
        app.MapReviewApi();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
