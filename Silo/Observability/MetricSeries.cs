namespace MasteryEngine.Silo.Observability;

/// <summary>
/// The live values of one labelled series. Recording is lock-free: counters and sums move by compare-and-swap,
/// bucket counts by interlocked increments, so concurrent requests never wait on each other here.
/// </summary>
internal sealed class MetricSeries
{
    private readonly KeyValuePair<string, object?>[] tags;
    private readonly long[]? bucketCounts;
    private double value;
    private double sum;
    private long observedEpoch;

    public MetricSeries(int hash, KeyValuePair<string, object?>[] tags, MetricLabel[] labels, int histogramBucketCount)
    {
        Hash = hash;
        this.tags = tags;
        Labels = labels;
        bucketCounts = histogramBucketCount > 0 ? new long[histogramBucketCount + 1] : null;
    }

    public int Hash { get; }

    public MetricLabel[] Labels { get; }

    public long ObservedEpoch => Volatile.Read(ref observedEpoch);

    public double Value => Volatile.Read(ref value);

    public static int HashOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Order-insensitive, so the same tags passed in another order land in the same series.
        var hash = tags.Length;
        foreach (var tag in tags)
        {
            hash += HashCode.Combine(tag.Key, tag.Value);
        }

        return hash;
    }

    public bool Matches(int hash, ReadOnlySpan<KeyValuePair<string, object?>> other)
    {
        if (hash != Hash || other.Length != tags.Length)
        {
            return false;
        }

        foreach (var tag in other)
        {
            if (!Contains(tag))
            {
                return false;
            }
        }

        return true;
    }

    public void Add(double delta) => AddAtomically(ref value, delta);

    public void Set(double newValue, long epoch)
    {
        Volatile.Write(ref value, newValue);
        Volatile.Write(ref observedEpoch, epoch);
    }

    public void Observe(double measurement, double[] upperBounds)
    {
        var bucket = upperBounds.Length;
        for (var i = 0; i < upperBounds.Length; i++)
        {
            if (measurement <= upperBounds[i])
            {
                bucket = i;
                break;
            }
        }

        Interlocked.Increment(ref bucketCounts![bucket]);
        AddAtomically(ref sum, measurement);
    }

    public HistogramSnapshot SnapshotHistogram(double[] upperBounds)
    {
        var bounds = new double[upperBounds.Length + 1];
        upperBounds.CopyTo(bounds, 0);
        bounds[^1] = double.PositiveInfinity;

        // Count is derived from the buckets, so +Inf always equals _count even while recording continues.
        var cumulative = new long[bounds.Length];
        long running = 0;
        for (var i = 0; i < bounds.Length; i++)
        {
            running += Interlocked.Read(ref bucketCounts![i]);
            cumulative[i] = running;
        }

        return new HistogramSnapshot(bounds, cumulative, Volatile.Read(ref sum));
    }

    private bool Contains(KeyValuePair<string, object?> tag)
    {
        foreach (var mine in tags)
        {
            if (string.Equals(mine.Key, tag.Key, StringComparison.Ordinal))
            {
                return Equals(mine.Value, tag.Value);
            }
        }

        return false;
    }

    private static void AddAtomically(ref double location, double delta)
    {
        var current = Volatile.Read(ref location);
        while (true)
        {
            var observed = Interlocked.CompareExchange(ref location, current + delta, current);
            if (BitConverter.DoubleToInt64Bits(observed) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = observed;
        }
    }
}
