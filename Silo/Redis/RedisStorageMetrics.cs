using System.Diagnostics.Metrics;

namespace MasteryEngine.Silo.Redis;

/// <summary>Storage latency and failures on the <c>MasteryEngine.Storage</c> meter, labelled provider="redis".</summary>
public sealed class RedisStorageMetrics
{
    public const string MeterName = "MasteryEngine.Storage";
    private const string Provider = "redis";

    private readonly Histogram<double> duration;
    private readonly Counter<long> errors;

    public RedisStorageMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        duration = meter.CreateHistogram<double>(
            "storage_operation_duration_seconds", "s", "Time a grain storage operation took, conflicts included.");
        errors = meter.CreateCounter<long>(
            "storage_operation_errors_total", description: "Grain storage operations that failed because storage was unavailable or answered an error.");
    }

    public void RecordDuration(string operation, TimeSpan elapsed) =>
        duration.Record(elapsed.TotalSeconds, new("provider", Provider), new("operation", operation));

    public void RecordError(string operation) =>
        errors.Add(1, new("provider", Provider), new("operation", operation));
}
