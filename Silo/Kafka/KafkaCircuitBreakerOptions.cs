using System.ComponentModel.DataAnnotations;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// When the breaker around the Kafka producer opens and how long one send may take (section
/// <c>Resilience:Kafka</c>). Only unavailability counts: brokers not acknowledging in time, no leader, the
/// transport failing, the send timing out. A message the broker rejects (too large, unknown topic) is the broker
/// working correctly and passes through uncounted.
/// </summary>
public sealed class KafkaCircuitBreakerOptions
{
    public const string SectionName = "Resilience:Kafka";

    /// <summary>Share of failed sends in the sampling window that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>
    /// Sends needed in the window before the ratio counts. Lower than for storage: every failed send has already
    /// waited the whole delivery timeout, so a few of them are enough evidence.
    /// </summary>
    [Range(2, 10_000)]
    public int MinimumThroughput { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses sends before letting one probe through (half-open).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Longest a send may wait for its acknowledgement. It must exceed <c>KAFKA_DELIVERY_TIMEOUT_MS</c>, so that
    /// librdkafka gives up on the message first and a send reported as failed is not delivered later anyway.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
