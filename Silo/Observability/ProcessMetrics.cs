using System.Diagnostics.Metrics;

namespace MasteryEngine.Silo.Observability;

/// <summary>
/// <c>mastery_engine_memory_usage_bytes</c> (meter <c>MasteryEngine.Process</c>): the process working set under the
/// name the seeds' dashboards query. The runtime's own figures are exposed beside it as <c>dotnet_*</c>.
/// </summary>
public sealed class ProcessMetrics
{
    public const string MeterName = "MasteryEngine.Process";

    public ProcessMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge(
            "mastery_engine_memory_usage_bytes",
            static () => Environment.WorkingSet,
            unit: "By",
            description: "Resident memory (working set) of the process in bytes.");
    }
}
