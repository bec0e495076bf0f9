using System.Diagnostics;

namespace MasteryEngine.Bench;

/// <summary>
/// An open loop: calls started at a steady rate whatever the answers do, each latency measured from its scheduled
/// start, so a stall shows in the percentiles instead of slowing the sender (no coordinated omission).
/// </summary>
internal static class FixedRateRun
{
    public static async Task<(LatencyRecorder Latencies, TimeSpan Elapsed, int Failures)> RunAsync(int rate, int seconds, Func<int, Task> call)
    {
        var total = rate * seconds;
        var recorder = new LatencyRecorder();
        var failures = 0;
        var inFlight = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var scheduled = start + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    await call(index);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref failures);
                }

                recorder.Record(Stopwatch.GetElapsedTime(scheduled));
            }));
        }

        await Task.WhenAll(inFlight);
        return (recorder, Stopwatch.GetElapsedTime(start), failures);
    }
}
