using MasteryEngine.Silo.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MasteryEngine.Gateway.Metrics;

public static class MetricsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /metrics</c> (Prometheus text format 0.0.4) and <c>GET /metrics/detailed</c> (JSON summary).
    /// Both are anonymous and exempt from rate limiting: a scraper polls them every few seconds.
    /// </summary>
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", (PrometheusMetricsCollector collector) =>
                Results.Text(PrometheusTextFormat.Write(collector.Collect()), PrometheusTextFormat.ContentType))
            .WithName("PrometheusMetrics")
            .AllowAnonymous()
            .DisableRateLimiting()
            .ExcludeFromDescription();
        endpoints.MapGet("/metrics/detailed", (PrometheusMetricsCollector collector) =>
                Results.Json(DetailedMetricsReport.From(collector.Collect()), MetricsJsonContext.Default.DetailedMetricsReport))
            .WithName("DetailedMetrics")
            .AllowAnonymous()
            .DisableRateLimiting()
            .ExcludeFromDescription();
        return endpoints;
    }
}
