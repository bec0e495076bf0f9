using System.ComponentModel.DataAnnotations;

namespace MasteryEngine.Silo.Resilience;

/// <summary>
/// When the breaker around grain storage opens and how long each call may take (section <c>Resilience:Storage</c>).
/// The breaker counts only unavailability and timeouts: an ETag conflict is the storage working correctly.
/// </summary>
public sealed class StorageCircuitBreakerOptions
{
    public const string SectionName = "Resilience:Storage";

    /// <summary>Share of failed calls in the sampling window that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the window before the ratio counts, so a single failure never opens it.</summary>
    [Range(2, 10_000)]
    public int MinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit rejects calls before letting one probe through (half-open).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest a single storage call may take before it counts as a failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
