using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Confluent.Kafka;
using MasteryEngine.Grains;

namespace MasteryEngine.Silo.Kafka;

/// <summary>The consumer's instruments on the <c>MasteryEngine.Kafka</c> meter.</summary>
public sealed class KafkaConsumerMetrics
{
    public const string MeterName = "MasteryEngine.Kafka";

    private readonly ConcurrentDictionary<TopicPartition, long> lagByPartition = new();
    private readonly ConcurrentDictionary<TopicPartition, long> pausedByPartition = new();
    private readonly Counter<long> processed;
    private readonly Counter<long> retried;
    private readonly Counter<long> deadLettered;
    private readonly Histogram<double> processingLatency;

    public KafkaConsumerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        processed = meter.CreateCounter<long>("mastery_events_processed_total", description: "Requests whose effect was persisted.");
        retried = meter.CreateCounter<long>("mastery_events_retried_total", description: "Processing attempts repeated after a failure.");
        deadLettered = meter.CreateCounter<long>("mastery_events_dead_lettered_total", description: "Messages sent to the dead-letter topic, by reason.");
        processingLatency = meter.CreateHistogram<double>("mastery_event_processing_latency_seconds", unit: "s",
            description: "From the event's timestamp to its persisted effect.");
        meter.CreateObservableGauge("kafka_consumer_lag", () => Observe(lagByPartition), description: "High watermark minus consumer position, per assigned partition.");
        meter.CreateObservableGauge("kafka_consumer_partition_paused", () => Observe(pausedByPartition),
            description: "1 while an assigned partition is paused because its in-flight work is at the bound, else 0.");

        // The counters whose labels are a fixed vocabulary start at zero, so alerts on them evaluate from the first scrape.
        retried.Add(0);
        foreach (var eventType in LearningEventTypes.All.Append(LearningEventTypes.CalculationRequested))
        {
            processed.Add(0, new KeyValuePair<string, object?>("event_type", eventType));
        }

        foreach (var reason in (string[])[DeadLetterReasons.InvalidJson, DeadLetterReasons.ValidationFailed, DeadLetterReasons.UnknownEventType, DeadLetterReasons.MessageTooLarge, DeadLetterReasons.ProcessingFailed])
        {
            deadLettered.Add(0, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public void Processed(string eventType, TimeSpan latency)
    {
        processed.Add(1, new KeyValuePair<string, object?>("event_type", eventType));
        processingLatency.Record(Math.Max(0, latency.TotalSeconds));
    }

    public void Retried() => retried.Add(1);

    public void DeadLettered(string reason) => deadLettered.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void ReportLag(TopicPartition partition, long lag) => lagByPartition[partition] = Math.Max(0, lag);

    public void ReportPaused(TopicPartition partition, bool paused) => pausedByPartition[partition] = paused ? 1 : 0;

    /// <summary>The partition is no longer assigned here: its per-partition series go.</summary>
    public void Forget(TopicPartition partition)
    {
        lagByPartition.TryRemove(partition, out _);
        pausedByPartition.TryRemove(partition, out _);
    }

    private static IEnumerable<Measurement<long>> Observe(ConcurrentDictionary<TopicPartition, long> byPartition) =>
        byPartition.Select(entry => new Measurement<long>(
            entry.Value,
            new KeyValuePair<string, object?>("topic", entry.Key.Topic),
            new KeyValuePair<string, object?>("partition", entry.Key.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
