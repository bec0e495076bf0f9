namespace MasteryEngine.Gateway.Metrics;

/// <summary>Bucket bounds of histograms measured in seconds that advise none of their own (section <c>Metrics</c>).</summary>
public sealed class SecondsHistogramOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Prometheus' client-library default latency buckets, in seconds, with 1 ms and 2.5 ms in front.</summary>
    public static readonly IReadOnlyList<double> DefaultHistogramBuckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Upper bounds, strictly increasing and finite; <c>+Inf</c> is always added.</summary>
    public IList<double> HistogramBuckets { get; set; } = [.. DefaultHistogramBuckets];

    public bool HasValidBuckets()
    {
        for (var i = 0; i < HistogramBuckets.Count; i++)
        {
            if (!double.IsFinite(HistogramBuckets[i]) || (i > 0 && HistogramBuckets[i] <= HistogramBuckets[i - 1]))
            {
                return false;
            }
        }

        return HistogramBuckets.Count > 0;
    }
}
