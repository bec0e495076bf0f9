using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Observability;

/// <summary>
/// Listens to every <c>MasteryEngine.*</c> meter and the runtime's <c>System.Runtime</c> meter and keeps the
/// values Prometheus scrapes: counters (<c>_total</c>), gauges (up-down counters, gauges, observable gauges)
/// and histograms with cumulative buckets. Meters created by another host's <see cref="IMeterFactory"/> in the
/// same process are ignored, so two hosts (or two test servers) never mix their figures.
/// </summary>
public sealed partial class PrometheusMetricsCollector : IDisposable
{
    public const string RuntimeMeterName = "System.Runtime";

    private readonly ConcurrentDictionary<string, MetricFamily> families = new(StringComparer.Ordinal);
    private readonly MeterListener listener;
    private readonly IMeterFactory meterFactory;
    private readonly PrometheusMetricsOptions options;
    private readonly ILogger<PrometheusMetricsCollector> logger;
    private readonly Lock collectGate = new();
    private long observationEpoch;

    public PrometheusMetricsCollector(
        IMeterFactory meterFactory,
        IOptions<PrometheusMetricsOptions> options,
        ILogger<PrometheusMetricsCollector> logger)
    {
        this.meterFactory = meterFactory;
        this.options = options.Value;
        this.logger = logger;
        listener = new MeterListener { InstrumentPublished = OnInstrumentPublished };
        listener.SetMeasurementEventCallback<byte>((_, m, tags, state) => Record(state, m, tags));
        listener.SetMeasurementEventCallback<short>((_, m, tags, state) => Record(state, m, tags));
        listener.SetMeasurementEventCallback<int>((_, m, tags, state) => Record(state, m, tags));
        listener.SetMeasurementEventCallback<long>((_, m, tags, state) => Record(state, m, tags));
        listener.SetMeasurementEventCallback<float>((_, m, tags, state) => Record(state, m, tags));
        listener.SetMeasurementEventCallback<double>((_, m, tags, state) => Record(state, m, tags));
        listener.SetMeasurementEventCallback<decimal>((_, m, tags, state) => Record(state, (double)m, tags));
        listener.Start();
    }

    /// <summary>Runs the observable instruments' callbacks and returns every non-empty family, sorted by name.</summary>
    public IReadOnlyList<MetricFamilySnapshot> Collect()
    {
        lock (collectGate)
        {
            var epoch = Interlocked.Increment(ref observationEpoch);
            listener.RecordObservableInstruments();
            var snapshots = new List<MetricFamilySnapshot>(families.Count);
            foreach (var family in families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var snapshot = family.Snapshot(epoch);
                if (snapshot.Series.Count > 0)
                {
                    snapshots.Add(snapshot);
                }
            }

            return snapshots;
        }
    }

    public void Dispose() => listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener meterListener)
    {
        var meter = instrument.Meter;
        var wanted = meter.Name == RuntimeMeterName || PrometheusNaming.IsOwnMeter(meter);
        if (!wanted || (meter.Scope is not null && !ReferenceEquals(meter.Scope, meterFactory)))
        {
            return;
        }

        var (type, action) = Classify(instrument);
        var name = PrometheusNaming.FamilyName(instrument, type);
        var help = string.IsNullOrWhiteSpace(instrument.Description) ? name : instrument.Description;
        var isObservable = instrument.IsObservable;
        var family = families.GetOrAdd(name, _ => new MetricFamily(
            name, help, type, type == MetricType.Histogram ? BucketsFor(instrument) : [], isObservable, options.MaxSeriesPerFamily));
        if (family.Type != type || family.IsObservable != isObservable)
        {
            LogConflictingInstrument(logger, instrument.Name, meter.Name, name);
            return;
        }

        meterListener.EnableMeasurementEvents(instrument, new InstrumentBinding(family, action));
    }

    private static (MetricType Type, MeasurementAction Action) Classify(Instrument instrument)
    {
        if (!PrometheusNaming.IsOwnMeter(instrument.Meter) && PrometheusNaming.RuntimeGaugeNames.ContainsKey(instrument.Name))
        {
            return (MetricType.Gauge, MeasurementAction.Set);
        }

        var kind = instrument.GetType().GetGenericTypeDefinition();
        if (kind == typeof(Counter<>))
        {
            return (MetricType.Counter, MeasurementAction.Add);
        }

        if (kind == typeof(ObservableCounter<>))
        {
            return (MetricType.Counter, MeasurementAction.Set);
        }

        if (kind == typeof(UpDownCounter<>))
        {
            return (MetricType.Gauge, MeasurementAction.Add);
        }

        if (kind == typeof(Histogram<>))
        {
            return (MetricType.Histogram, MeasurementAction.Observe);
        }

        // ObservableUpDownCounter, ObservableGauge and Gauge all report the current value.
        return (MetricType.Gauge, MeasurementAction.Set);
    }

    private double[] BucketsFor(Instrument instrument)
    {
        var advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            _ => null,
        };
        return advised is { Length: > 0 } ? advised : [.. options.HistogramBuckets];
    }

    private void Record(object? state, double measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is not InstrumentBinding binding || double.IsNaN(measurement))
        {
            return;
        }

        var series = binding.Family.GetOrAddSeries(tags);
        switch (binding.Action)
        {
            case MeasurementAction.Add when binding.Family.Type != MetricType.Counter || measurement >= 0:
                series.Add(measurement);
                break;
            case MeasurementAction.Set:
                series.Set(measurement, Volatile.Read(ref observationEpoch));
                break;
            case MeasurementAction.Observe:
                series.Observe(measurement, binding.Family.UpperBounds);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instrument {Instrument} of meter {Meter} maps to metric family {Family}, which another instrument of a different kind already uses; it is not exposed")]
    private static partial void LogConflictingInstrument(ILogger logger, string instrument, string meter, string family);

    private enum MeasurementAction
    {
        Add,
        Set,
        Observe,
    }

    private sealed record InstrumentBinding(MetricFamily Family, MeasurementAction Action);
}
