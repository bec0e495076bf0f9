using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Silo.Observability;

public static class PrometheusMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="PrometheusMetricsCollector"/> with options bound from the <c>Metrics</c> section
    /// (<c>Metrics:HistogramBuckets</c>, <c>Metrics:MaxSeriesPerFamily</c>), validated at start-up, and the
    /// process figures; both are created when the host starts.
    /// </summary>
    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddOptions<PrometheusMetricsOptions>()
            .Configure(options =>
            {
                var section = configuration.GetSection(PrometheusMetricsOptions.SectionName);
                var buckets = section.GetSection(nameof(PrometheusMetricsOptions.HistogramBuckets)).Get<double[]>();
                if (buckets is { Length: > 0 })
                {
                    options.HistogramBuckets = buckets;
                }

                options.MaxSeriesPerFamily = section.GetValue(nameof(PrometheusMetricsOptions.MaxSeriesPerFamily), options.MaxSeriesPerFamily);
            })
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidBuckets(), "Metrics:HistogramBuckets must be finite and strictly increasing, e.g. [0.005, 0.01, 0.025].")
            .ValidateOnStart();
        services.TryAddSingleton<PrometheusMetricsCollector>();
        services.TryAddSingleton<ProcessMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PrometheusMetricsActivation>());
        return services;
    }
}
