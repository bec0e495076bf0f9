using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MasteryEngine.Silo.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Kafka.Tests;

/// <summary>Totals of the Kafka instruments of one host (meters are told apart by the host's IMeterFactory).</summary>
internal sealed class KafkaMetricsRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, double> totals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> gauges = new(StringComparer.Ordinal);

    public KafkaMetricsRecorder(IHost host)
    {
        var scope = host.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == KafkaConsumerMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = Key(instrument.Name, tags);
            if (instrument is ObservableGauge<long>)
            {
                gauges[key] = value;
            }
            else
            {
                totals.AddOrUpdate(key, value, (_, sum) => sum + value);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            totals.AddOrUpdate(Key(instrument.Name, tags) + ":count", 1, (_, sum) => sum + 1));
        listener.Start();
    }

    /// <summary>Counter total (or histogram sample count with the ":count" suffix), e.g. <c>mastery_events_dead_lettered_total{reason=invalid_json}</c>.</summary>
    public double Total(string key) => totals.GetValueOrDefault(key);

    public IReadOnlyDictionary<string, long> ObserveGauges()
    {
        gauges.Clear();
        listener.RecordObservableInstruments();
        return new Dictionary<string, long>(gauges);
    }

    /// <summary>The values of a per-partition gauge (e.g. <c>kafka_consumer_lag</c>) for the partitions of one topic.</summary>
    public IReadOnlyList<long> PartitionGauges(string name, string topic) =>
        [.. ObserveGauges()
            .Where(gauge => gauge.Key.StartsWith(name + "{", StringComparison.Ordinal) && gauge.Key.Contains(topic, StringComparison.Ordinal))
            .Select(gauge => gauge.Value)];

    public void Dispose() => listener.Dispose();

    private static string Key(string name, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return name;
        }

        var labels = new List<string>();
        foreach (var tag in tags)
        {
            labels.Add($"{tag.Key}={tag.Value}");
        }

        labels.Sort(StringComparer.Ordinal);
        return $"{name}{{{string.Join(',', labels)}}}";
    }
}
