namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// A histogram series at one instant: <see cref="CumulativeCounts"/>[i] counts observations ≤
/// <see cref="UpperBounds"/>[i]; the last entry is <c>+Inf</c> and equals <see cref="Count"/>.
/// </summary>
public sealed record HistogramSnapshot(IReadOnlyList<double> UpperBounds, IReadOnlyList<long> CumulativeCounts, double Sum)
{
    public long Count => CumulativeCounts[^1];

    /// <summary>
    /// Estimates the q-quantile the way PromQL's <c>histogram_quantile</c> does: linear interpolation inside
    /// the bucket holding the rank; an answer in the <c>+Inf</c> bucket is the highest finite bound.
    /// </summary>
    public double? EstimateQuantile(double q)
    {
        if (Count == 0 || q < 0 || q > 1)
        {
            return null;
        }

        var rank = q * Count;
        for (var i = 0; i < UpperBounds.Count; i++)
        {
            if (CumulativeCounts[i] < rank)
            {
                continue;
            }

            if (double.IsPositiveInfinity(UpperBounds[i]))
            {
                return i > 0 ? UpperBounds[i - 1] : null;
            }

            var lowerBound = i == 0 ? 0 : UpperBounds[i - 1];
            var countBelow = i == 0 ? 0 : CumulativeCounts[i - 1];
            var inBucket = CumulativeCounts[i] - countBelow;
            return inBucket == 0
                ? UpperBounds[i]
                : lowerBound + ((UpperBounds[i] - lowerBound) * (rank - countBelow) / inBucket);
        }

        return null;
    }
}
