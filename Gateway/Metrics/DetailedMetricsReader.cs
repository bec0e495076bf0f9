using System.Globalization;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// A second reader on the same meter provider as the Prometheus exporter, collected on demand for
/// <c>/metrics/detailed</c>: the figures come from the SDK's own cumulative aggregation, not from a parallel one.
/// </summary>
public sealed class DetailedMetricsReader : IDisposable
{
    private readonly Lock gate = new();
    private readonly CapturingExporter exporter = new();

    public DetailedMetricsReader()
    {
        Reader = new BaseExportingMetricReader(exporter) { TemporalityPreference = MetricReaderTemporalityPreference.Cumulative };
    }

    public MetricReader Reader { get; }

    /// <summary>Every series of every stream, observable instruments observed now.</summary>
    public IReadOnlyList<CollectedSeries> Collect()
    {
        lock (gate)
        {
            exporter.Captured = [];
            Reader.Collect();
            return exporter.Captured;
        }
    }

    public void Dispose() => Reader.Dispose();

    private sealed class CapturingExporter : BaseExporter<Metric>
    {
        public List<CollectedSeries> Captured { get; set; } = [];

        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    Captured.Add(Capture(metric, point));
                }
            }

            return ExportResult.Success;
        }

        private static CollectedSeries Capture(Metric metric, in MetricPoint point)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in point.Tags)
            {
                labels[tag.Key] = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
            }

            return metric.MetricType switch
            {
                MetricType.Histogram => new CollectedSeries(metric.Name, labels, 0, HistogramOf(point)),
                MetricType.LongSum or MetricType.LongSumNonMonotonic => new CollectedSeries(metric.Name, labels, point.GetSumLong(), null),
                MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => new CollectedSeries(metric.Name, labels, point.GetSumDouble(), null),
                MetricType.LongGauge => new CollectedSeries(metric.Name, labels, point.GetGaugeLastValueLong(), null),
                MetricType.DoubleGauge => new CollectedSeries(metric.Name, labels, point.GetGaugeLastValueDouble(), null),
                _ => new CollectedSeries(metric.Name, labels, double.NaN, null),
            };
        }

        private static HistogramSnapshot HistogramOf(in MetricPoint point)
        {
            var bounds = new List<double>();
            var cumulative = new List<long>();
            long running = 0;
            foreach (var bucket in point.GetHistogramBuckets())
            {
                running += bucket.BucketCount;
                bounds.Add(bucket.ExplicitBound);
                cumulative.Add(running);
            }

            return new HistogramSnapshot(bounds, cumulative, point.GetHistogramSum());
        }
    }
}
