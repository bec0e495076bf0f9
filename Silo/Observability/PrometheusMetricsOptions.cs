using System.ComponentModel.DataAnnotations;

namespace MasteryEngine.Silo.Observability;

/// <summary>What the Prometheus exposition reads and how it shapes histograms.</summary>
public sealed class PrometheusMetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Prometheus' client-library default latency buckets, in seconds.</summary>
    public static readonly IReadOnlyList<double> DefaultHistogramBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>
    /// Upper bounds of histogram buckets for instruments that give no bucket advice of their own; strictly
    /// increasing, finite. <c>+Inf</c> is always added.
    /// </summary>
    public IList<double> HistogramBuckets { get; set; } = [.. DefaultHistogramBuckets];

    /// <summary>
    /// Distinct label sets kept per metric family; beyond it measurements fall into one series labelled
    /// <c>otel_metric_overflow="true"</c>, so an unbounded tag value cannot exhaust memory.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxSeriesPerFamily { get; set; } = 2000;

    public bool HasValidBuckets()
    {
        for (var i = 0; i < HistogramBuckets.Count; i++)
        {
            if (!double.IsFinite(HistogramBuckets[i]) || (i > 0 && HistogramBuckets[i] <= HistogramBuckets[i - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
