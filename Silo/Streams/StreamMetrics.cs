using System.Diagnostics.Metrics;

namespace MasteryEngine.Silo.Streams;

/// <summary>In-process stream instruments, in the runtime's meter.</summary>
internal sealed class StreamMetrics
{
    private readonly Counter<long> deliveries;
    private readonly Counter<long> retries;
    private readonly Counter<long> deadLetters;

    public StreamMetrics(IMeterFactory meterFactory, Func<long> queued)
    {
        var meter = meterFactory.Create(Runtime.GrainRuntimeMetrics.MeterName);
        deliveries = meter.CreateCounter<long>("stream_deliveries_total", description: "Stream items handed successfully to a subscriber, by namespace.");
        retries = meter.CreateCounter<long>("stream_delivery_retries_total", description: "Failed stream deliveries that were retried, by namespace.");
        deadLetters = meter.CreateCounter<long>("stream_dead_letters_total", description: "Stream items dead-lettered after every attempt failed, by namespace.");
        meter.CreateObservableGauge("stream_queued_items", queued, description: "Published stream items not yet delivered.");
    }

    public void Delivered(string streamNamespace) => deliveries.Add(1, new KeyValuePair<string, object?>("namespace", streamNamespace));

    public void Retried(string streamNamespace) => retries.Add(1, new KeyValuePair<string, object?>("namespace", streamNamespace));

    public void DeadLettered(string streamNamespace) => deadLetters.Add(1, new KeyValuePair<string, object?>("namespace", streamNamespace));
}
