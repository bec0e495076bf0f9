using System.Diagnostics.Metrics;

namespace MasteryEngine.Silo.Runtime;

/// <summary>
/// The grain runtime's instruments (meter <c>MasteryEngine.Runtime</c>), named as their Prometheus families.
/// There is no per-call duration histogram on purpose: with a listener attached, two clock reads and a
/// histogram record per call cut no-op call throughput by a third or more (bench grain-calls --metrics).
/// </summary>
internal sealed class GrainRuntimeMetrics
{
    public const string MeterName = "MasteryEngine.Runtime";

    private readonly StripedCounter calls = new();
    private readonly Counter<long> activations;
    private readonly Counter<long> deactivations;

    public GrainRuntimeMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        activations = Meter.CreateCounter<long>("grain_activations_total", description: "Grain activations completed successfully.");
        deactivations = Meter.CreateCounter<long>("grain_deactivations_total", description: "Grain deactivations, by reason.");
        Meter.CreateObservableCounter("grain_calls_total", calls.Sum, description: "Grain calls completed (successfully or not).");
    }

    public Meter Meter { get; }

    public void CallCompleted() => calls.Increment();

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
