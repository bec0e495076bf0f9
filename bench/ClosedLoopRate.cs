using System.Diagnostics;

namespace MasteryEngine.Bench;

/// <summary>Calls per second of <c>callers</c> concurrent loops, each awaiting its call before the next, for a fixed time (printed and returned).</summary>
internal static class ClosedLoopRate
{
    public static async Task<double> MeasureAsync(string name, int callers, TimeSpan duration, Func<int, long, Task> call)
    {
        var stop = false;
        var counts = new long[callers];
        var stopwatch = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            long calls = 0;
            while (!Volatile.Read(ref stop))
            {
                await call(caller, calls);
                calls++;
            }

            counts[caller] = calls;
        })).ToArray();
        await Task.Delay(duration);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(loops);
        stopwatch.Stop();
        var total = counts.Sum();
        var rate = total / stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"  {name}: {total:N0} calls in {stopwatch.Elapsed.TotalSeconds:F2} s = {rate:N0} calls/s");
        return rate;
    }
}
