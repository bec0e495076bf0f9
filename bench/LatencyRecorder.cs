using System.Diagnostics;

namespace MasteryEngine.Bench;

/// <summary>Collects per-operation latencies and reports throughput and percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> samplesMs = [];
    private readonly Lock gate = new();

    public void Record(TimeSpan elapsed)
    {
        lock (gate)
        {
            samplesMs.Add(elapsed.TotalMilliseconds);
        }
    }

    public void Record(long startTimestamp) => Record(Stopwatch.GetElapsedTime(startTimestamp));

    public string Summarize(string name, TimeSpan wallClock)
    {
        double[] sorted;
        lock (gate)
        {
            sorted = [.. samplesMs];
        }

        Array.Sort(sorted);
        var rate = sorted.Length / wallClock.TotalSeconds;
        return $"{name}: {sorted.Length} ops in {wallClock.TotalSeconds:F2} s = {rate:F0} ops/s; " +
               $"p50 {Percentile(sorted, 0.50):F3} ms, p95 {Percentile(sorted, 0.95):F3} ms, p99 {Percentile(sorted, 0.99):F3} ms";
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
