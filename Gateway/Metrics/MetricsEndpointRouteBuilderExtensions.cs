using OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MasteryEngine.Gateway.Metrics;

public static class MetricsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /metrics</c> (the OpenTelemetry Prometheus exporter: text format 0.0.4, or OpenMetrics when asked;
    /// histograms without a measurement yet shown at zero) and <c>GET /metrics/detailed</c> (JSON summary).
    /// Both are anonymous and exempt from rate limiting: a scraper polls them every few seconds.
    /// </summary>
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(
                "/metrics",
                meterProvider: null,
                configureBranchedPipeline: branch => branch.UseMiddleware<ZeroValuedExpositionMiddleware>(),
                optionsName: null)
            .WithName("PrometheusMetrics")
            .AllowAnonymous()
            .DisableRateLimiting()
            .ExcludeFromDescription();
        endpoints.MapGet("/metrics/detailed", (DetailedMetricsReader reader) =>
                Results.Json(DetailedMetricsReport.From(reader.Collect()), MetricsJsonContext.Default.DetailedMetricsReport))
            .WithName("DetailedMetrics")
            .AllowAnonymous()
            .DisableRateLimiting()
            .ExcludeFromDescription();
        return endpoints;
    }
}
