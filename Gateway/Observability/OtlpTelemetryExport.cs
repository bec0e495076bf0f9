using System.Diagnostics.Metrics;
using MasteryEngine.Silo.Observability;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MasteryEngine.Gateway.Observability;

/// <summary>
/// Owns the OpenTelemetry tracer and meter providers that export over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (OpenTelemetry.Extensions.Hosting is not available here, so the
/// providers are built with the SDK directly and disposed, which flushes them, when the host's container is).
/// Traces: our <c>MasteryEngine</c> source, ASP.NET Core's request spans and outgoing HttpClient calls.
/// Metrics: the same meters <c>/metrics</c> shows.
/// </summary>
internal sealed class OtlpTelemetryExport : IDisposable
{
    private readonly TracerProvider? tracerProvider;
    private readonly MeterProvider? meterProvider;

    public OtlpTelemetryExport(IOptions<ObservabilityOptions> options, IOptions<PrometheusMetricsOptions> metricsOptions)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.OtlpEndpoint))
        {
            return;
        }

        var endpoint = new Uri(settings.OtlpEndpoint);
        var protocol = settings.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var resource = ResourceBuilder.CreateDefault().AddService(
            settings.ServiceName,
            serviceVersion: typeof(OtlpTelemetryExport).Assembly.GetName().Version?.ToString(),
            serviceInstanceId: System.Environment.MachineName);
        var buckets = metricsOptions.Value.HistogramBuckets.ToArray();

        tracerProvider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(MasteryActivitySource.Name, "Microsoft.AspNetCore", "System.Net.Http")
            .AddOtlpExporter(exporter => Target(exporter, endpoint, protocol, "v1/traces"))
            .Build();
        meterProvider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(PrometheusNaming.OwnMeterPrefix + "*", PrometheusMetricsCollector.RuntimeMeterName)
            .AddView(instrument => IsHistogramWithoutAdvice(instrument)
                ? new ExplicitBucketHistogramConfiguration { Boundaries = buckets }
                : null)
            .AddOtlpExporter(exporter => Target(exporter, endpoint, protocol, "v1/metrics"))
            .Build();
    }

    public bool IsExporting => tracerProvider is not null;

    public void Dispose()
    {
        tracerProvider?.Dispose();
        meterProvider?.Dispose();
    }

    private static void Target(OtlpExporterOptions exporter, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        exporter.Protocol = protocol;
        // An endpoint given in code is used verbatim; over HTTP the signal path must be added as the
        // OTEL_EXPORTER_OTLP_ENDPOINT specification says.
        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : endpoint;
    }

    private static bool IsHistogramWithoutAdvice(Instrument instrument) => instrument switch
    {
        Histogram<double> h => h.Advice?.HistogramBucketBoundaries is null,
        Histogram<long> h => h.Advice?.HistogramBucketBoundaries is null,
        Histogram<int> h => h.Advice?.HistogramBucketBoundaries is null,
        _ => false,
    };
}
