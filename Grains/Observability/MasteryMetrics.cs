using System.Diagnostics.Metrics;

namespace MasteryEngine.Grains.Observability;

/// <summary>
/// Instruments of the mastery domain (meter <c>MasteryEngine.Mastery</c>). Calculation times are microseconds to
/// a few milliseconds, so its histogram advises finer buckets than the HTTP latency defaults.
/// </summary>
public sealed class MasteryMetrics
{
    public const string MeterName = "MasteryEngine.Mastery";

    private static readonly double[] CalculationBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    private readonly Histogram<double> calculationDuration;
    private readonly Counter<long> rejectedStreamEvents;

    public MasteryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        calculationDuration = meter.CreateHistogram(
            "mastery_calculation_duration_seconds",
            unit: "s",
            description: "Time to calculate a student's mastery (formula, state update and persistence), by operation.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CalculationBuckets });
        rejectedStreamEvents = meter.CreateCounter<long>(
            "mastery_stream_events_rejected_total",
            description: "Learning events from a student's Orleans stream that the domain refused, by reason.");
    }

    /// <summary>
    /// Records one calculation. <paramref name="operation"/> is a small fixed vocabulary: <c>calculate</c>,
    /// <c>query</c>, <c>event</c>, <c>batch</c>.
    /// </summary>
    public void RecordCalculation(string operation, TimeSpan elapsed) =>
        calculationDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>Counts a refused stream event; <paramref name="reason"/> is a <c>LearningEventRejection</c> code.</summary>
    public void RecordRejectedStreamEvent(string reason) =>
        rejectedStreamEvents.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
