using System.Diagnostics.Metrics;

namespace MasteryEngine.Silo.Runtime;

/// <summary>The grain runtime's instruments (meter <c>MasteryEngine.Runtime</c>), named as their Prometheus families.</summary>
internal sealed class GrainRuntimeMetrics
{
    public const string MeterName = "MasteryEngine.Runtime";

    private readonly TimeProvider clock;
    private readonly StripedCounter calls = new();
    private readonly Counter<long> activations;
    private readonly Counter<long> deactivations;
    private readonly Histogram<double> callDuration;

    public GrainRuntimeMetrics(IMeterFactory meterFactory, TimeProvider clock)
    {
        this.clock = clock;
        Meter = meterFactory.Create(MeterName);
        activations = Meter.CreateCounter<long>("grain_activations_total", description: "Grain activations completed successfully.");
        deactivations = Meter.CreateCounter<long>("grain_deactivations_total", description: "Grain deactivations, by reason.");
        Meter.CreateObservableCounter("grain_calls_total", calls.Sum, description: "Grain calls completed (successfully or not).");
        callDuration = Meter.CreateHistogram<double>("grain_call_duration_seconds", unit: "s", description: "Time from a call's turn start to its completion.");
    }

    public Meter Meter { get; }

    /// <summary>A timestamp when a listener records durations, else 0 (no clock read on the hot path).</summary>
    public long CallStarting() => callDuration.Enabled ? clock.GetTimestamp() : 0;

    public void CallCompleted(long startTimestamp)
    {
        calls.Increment();
        if (startTimestamp != 0)
        {
            callDuration.Record(clock.GetElapsedTime(startTimestamp).TotalSeconds);
        }
    }

    public void Activated() => activations.Add(1);

    public void Deactivated(DeactivationReason reason) =>
        deactivations.Add(1, new KeyValuePair<string, object?>("reason", ReasonLabel(reason)));

    private static string ReasonLabel(DeactivationReason reason) => reason switch
    {
        DeactivationReason.ApplicationRequested => "application_requested",
        DeactivationReason.IdleCollection => "idle_collection",
        DeactivationReason.CapacityExceeded => "capacity_exceeded",
        DeactivationReason.InconsistentState => "inconsistent_state",
        DeactivationReason.ShuttingDown => "shutting_down",
        _ => reason.ToString(),
    };
}
