using System.Diagnostics;
using System.Globalization;
using MasteryEngine.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Bench;

/// <summary>
/// Grain calls per second on one co-hosted Orleans silo, the service's own silo configuration: many callers over
/// many keys, then all callers on one hot key, each for a bare grain (no state, no filters) and for the student
/// grain's cheapest call (<c>HasDataAsync</c>, a read of its state), so our own cost per call shows beside
/// Orleans'. Options: --seconds S (per phase, default 5), --callers C (default 64), --keys K (default 10000).
/// </summary>
public static class GrainCallBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchArguments.Count(args, "--seconds", 5);
        var callers = BenchArguments.Count(args, "--callers", 64);
        var keys = BenchArguments.Count(args, "--keys", 10_000);

        using var host = await InMemorySilo.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        Console.WriteLine($"grain-calls: {Environment.ProcessorCount} cores, {callers} callers, {seconds} s per phase, Orleans co-hosted silo");

        var bare = Enumerable.Range(0, keys).Select(i => grains.GetGrain<INoOpGrain>(KeyName(i))).ToArray();
        var students = Enumerable.Range(0, keys).Select(i => grains.GetGrain<IStudentMasteryGrain>("student_" + KeyName(i))).ToArray();
        // Activated a chunk at a time: ten thousand first calls at once queue behind each other's state reads.
        foreach (var chunk in bare.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(r => r.PingAsync()));
        }

        foreach (var chunk in students.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(r => r.HasDataAsync()));
        }
        var duration = TimeSpan.FromSeconds(seconds);
        // Both kinds warmed up alike, so neither measurement pays for JIT tiering or first-call costs.
        await ClosedLoopRate.MeasureAsync("warm-up, bare", callers, TimeSpan.FromSeconds(3), (caller, i) => bare[Pick(caller, i, keys)].PingAsync());
        await ClosedLoopRate.MeasureAsync("warm-up, student", callers, TimeSpan.FromSeconds(3), (caller, i) => students[Pick(caller, i, keys)].HasDataAsync());
        await ClosedLoopRate.MeasureAsync($"bare grain, {keys:N0} keys", callers, duration, (caller, i) => bare[Pick(caller, i, keys)].PingAsync());
        await ClosedLoopRate.MeasureAsync($"student grain, {keys:N0} keys", callers, duration, (caller, i) => students[Pick(caller, i, keys)].HasDataAsync());
        await ClosedLoopRate.MeasureAsync("bare grain, one hot key", callers, duration, (_, _) => bare[0].PingAsync());
        await ClosedLoopRate.MeasureAsync("student grain, one hot key", callers, duration, (_, _) => students[0].HasDataAsync());
        await host.StopAsync();
        return 0;
    }

    private static int Pick(int caller, long i, int keys) => (int)((caller * 7919L + i) % keys);

    private static string KeyName(int i) => "k" + i.ToString(CultureInfo.InvariantCulture);
}
