using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Gateway.Metrics;

public static class SecondsHistogramServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Metrics:HistogramBuckets</c>, validated at start-up. A configured list replaces the default one
    /// (binding would append to it).
    /// </summary>
    public static IServiceCollection AddSecondsHistogramBuckets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecondsHistogramOptions>()
            .Configure(options =>
            {
                var buckets = configuration.GetSection(SecondsHistogramOptions.SectionName)
                    .GetSection(nameof(SecondsHistogramOptions.HistogramBuckets)).Get<double[]>();
                if (buckets is { Length: > 0 })
                {
                    options.HistogramBuckets = buckets;
                }
            })
            .Validate(o => o.HasValidBuckets(), "Metrics:HistogramBuckets must be finite and strictly increasing, e.g. [0.005, 0.01, 0.025].")
            .ValidateOnStart();
        return services;
    }
}
