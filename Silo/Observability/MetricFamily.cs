using System.Globalization;

namespace MasteryEngine.Silo.Observability;

/// <summary>
/// One Prometheus family and its series. Lookups scan an immutable array without locking; only a new label set
/// takes the lock and publishes a copied array, which is rare after warm-up.
/// </summary>
internal sealed class MetricFamily(string name, string help, MetricType type, double[] upperBounds, bool isObservable, int maxSeries)
{
    private static readonly KeyValuePair<string, object?>[] OverflowTags = [new("otel_metric_overflow", "true")];

    private readonly Lock gate = new();
    private MetricSeries[] series = [];
    private MetricSeries? overflow;

    public string Name { get; } = name;

    public string Help { get; } = help;

    public MetricType Type { get; } = type;

    public double[] UpperBounds { get; } = upperBounds;

    /// <summary>Observable families show only the series their callbacks reported in the current collection.</summary>
    public bool IsObservable { get; } = isObservable;

    public MetricSeries GetOrAddSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = MetricSeries.HashOf(tags);
        foreach (var existing in Volatile.Read(ref series))
        {
            if (existing.Matches(hash, tags))
            {
                return existing;
            }
        }

        lock (gate)
        {
            foreach (var existing in series)
            {
                if (existing.Matches(hash, tags))
                {
                    return existing;
                }
            }

            if (series.Length >= maxSeries)
            {
                return overflow ??= CreateSeries(MetricSeries.HashOf(OverflowTags), OverflowTags);
            }

            var created = CreateSeries(hash, tags.ToArray());
            Volatile.Write(ref series, [.. series, created]);
            return created;
        }
    }

    public MetricFamilySnapshot Snapshot(long epoch)
    {
        var current = Volatile.Read(ref series);
        var extra = Volatile.Read(ref overflow);
        var snapshots = new List<MetricSeriesSnapshot>(current.Length + 1);
        foreach (var item in extra is null ? current : [.. current, extra])
        {
            if (IsObservable && item.ObservedEpoch != epoch)
            {
                continue;
            }

            snapshots.Add(Type == MetricType.Histogram
                ? new MetricSeriesSnapshot(item.Labels, 0, item.SnapshotHistogram(UpperBounds))
                : new MetricSeriesSnapshot(item.Labels, item.Value, null));
        }

        return new MetricFamilySnapshot(Name, Help, Type, snapshots);
    }

    private MetricSeries CreateSeries(int hash, KeyValuePair<string, object?>[] tags)
    {
        var labels = new MetricLabel[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new MetricLabel(
                PrometheusNaming.SanitizeLabelName(tags[i].Key),
                Convert.ToString(tags[i].Value, CultureInfo.InvariantCulture) ?? "");
        }

        return new MetricSeries(hash, tags, labels, Type == MetricType.Histogram ? UpperBounds.Length : 0);
    }
}
