using MasteryEngine.Gateway.Metrics;
using MasteryEngine.Silo.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MasteryEngine.Gateway.Observability;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Orleans' one meter: activations, grain-call latency, storage latency and errors, messaging.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// The ActivitySources whose spans are exported: ours (Kafka produce and consume), Orleans' (grain calls,
    /// activation, storage) and the outgoing HttpClient calls.
    /// </summary>
    public static readonly IReadOnlyList<string> TracedSources = [MasteryActivitySource.Name, "Microsoft.Orleans.*", "System.Net.Http"];

    /// <summary>
    /// OpenTelemetry through its hosting package. Metrics: every <c>MasteryEngine.*</c> meter, Orleans', ASP.NET Core's and
    /// the runtime's, exposed at <c>/metrics</c> by the Prometheus exporter and read by <c>/metrics/detailed</c>.
    /// When <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, the same metrics and the traces (our spans, ASP.NET Core's
    /// request spans, HttpClient calls) also go out over OTLP; the exporter reads the endpoint and
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> from configuration itself.
    /// </summary>
    public static IServiceCollection AddMasteryTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSecondsHistogramBuckets(configuration);
        services.AddSingleton<DetailedMetricsReader>();
        services.TryAddSingleton<ZeroHistogramCatalog>();
        services.TryAddSingleton<OrleansSecondsInstruments>();
        var exportsOtlp = !string.IsNullOrWhiteSpace(configuration[ObservabilityOptions.OtlpEndpointKey]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configuration[ObservabilityOptions.ServiceNameKey] is { Length: > 0 } name ? name : ObservabilityOptions.DefaultServiceName,
                serviceVersion: typeof(TelemetryServiceCollectionExtensions).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(MetricViews.OwnMeters, OrleansMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter(exporter =>
                    {
                        // Every scrape sees the figures of that moment, and series carry only their own labels
                        // (no otel_scope_name), so the runbooks' greps and PromQL match them as written.
                        exporter.ScrapeResponseCacheDurationMilliseconds = 0;
                        exporter.ScopeInfoEnabled = false;
                    });
                ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) =>
                {
                    provider.GetRequiredService<OrleansSecondsInstruments>();
                    builder
                        .AddView(MetricViews.For(provider))
                        .AddReader(provider.GetRequiredService<DetailedMetricsReader>().Reader);
                });
                if (exportsOtlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (exportsOtlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource([.. TracedSources])
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
        }

        return services;
    }
}
