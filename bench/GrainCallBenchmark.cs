using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using MasteryEngine.Runtime;
using MasteryEngine.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Bench;

/// <summary>
/// No-op grain calls per second in process (many callers over many keys, then all callers on one hot key) and
/// resident memory per activation. Options: --seconds S (per phase, default 5), --callers C (default 64),
/// --keys K (default 10000), --activations N (default 200000), --metrics (attach a listener to every
/// MasteryEngine meter, as the /metrics endpoint does).
/// </summary>
public static class GrainCallBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchArguments.Count(args, "--seconds", 5);
        var callers = BenchArguments.Count(args, "--callers", 64);
        var keys = BenchArguments.Count(args, "--keys", 10_000);
        var activations = BenchArguments.Count(args, "--activations", 200_000);
        using var listener = args.Contains("--metrics") ? ListenToEveryMeter() : null;

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddMasterySilo(silo => silo.AddGrains(typeof(NoOpGrain).Assembly));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        Console.WriteLine($"grain-calls: {Environment.ProcessorCount} cores, {callers} callers, {seconds} s per phase, metrics listener {(listener is null ? "off" : "on")}");

        var references = Enumerable.Range(0, keys).Select(i => grains.GetGrain<INoOpGrain>($"k{i}")).ToArray();
        await Task.WhenAll(references.Select(r => r.PingAsync()));
        await MeasureCallsAsync($"many keys ({keys})", callers, TimeSpan.FromSeconds(1), (caller, i) => references[(int)((caller * 7919L + i) % keys)]);
        await MeasureCallsAsync($"many keys ({keys})", callers, TimeSpan.FromSeconds(seconds), (caller, i) => references[(int)((caller * 7919L + i) % keys)]);
        await MeasureCallsAsync($"many keys via GetGrain ({keys})", callers, TimeSpan.FromSeconds(seconds), (caller, i) => grains.GetGrain<INoOpGrain>(KeyName(caller, i, keys)));
        await MeasureSingleCallerAsync(references[0]);
        var hot = grains.GetGrain<INoOpGrain>("hot");
        await MeasureCallsAsync("one hot key", callers, TimeSpan.FromSeconds(seconds), (_, _) => hot);

        await MeasureMemoryPerActivationAsync(grains, activations);
        await host.StopAsync();
        return 0;
    }

    private static string KeyName(int caller, long i, int keys) => "k" + ((caller * 7919L + i) % keys).ToString(CultureInfo.InvariantCulture);

    private static async Task MeasureCallsAsync(string name, int callers, TimeSpan duration, Func<int, long, INoOpGrain> pick)
    {
        var stop = false;
        var counts = new long[callers];
        var stopwatch = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            long calls = 0;
            while (!Volatile.Read(ref stop))
            {
                await pick(caller, calls).PingAsync();
                calls++;
            }

            counts[caller] = calls;
        })).ToArray();
        await Task.Delay(duration);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(loops);
        stopwatch.Stop();
        var total = counts.Sum();
        Console.WriteLine($"  {name}: {total:N0} calls in {stopwatch.Elapsed.TotalSeconds:F2} s = {total / stopwatch.Elapsed.TotalSeconds:N0} calls/s");
    }

    /// <summary>One caller in a loop: allocation per call is exact even on a busy machine; time per call is not.</summary>
    private static async Task MeasureSingleCallerAsync(INoOpGrain grain)
    {
        const int calls = 1_000_000;
        await Task.Run(async () =>
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                await grain.PingAsync();
            }

            stopwatch.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Console.WriteLine($"  one caller, one idle grain: {stopwatch.Elapsed.TotalNanoseconds / calls:F0} ns and {allocated / (double)calls:F0} bytes allocated per call");
        });
    }

    private static async Task MeasureMemoryPerActivationAsync(IGrainFactory grains, int count)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();
        const int batch = 1000;
        for (var start = 0; start < count; start += batch)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(batch, count - start))
                .Select(i => grains.GetGrain<ISmallStateGrain>("m" + i.ToString(CultureInfo.InvariantCulture)).GetAsync()));
        }

        stopwatch.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"  activations: {count:N0} small-state grains in {stopwatch.Elapsed.TotalSeconds:F2} s = {count / stopwatch.Elapsed.TotalSeconds:N0} activations/s; " +
                          $"GC heap +{(after - before) / (1024.0 * 1024):F1} MiB = {(after - before) / (double)count:F0} bytes per activation");
    }

    private static MeterListener ListenToEveryMeter()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name.StartsWith("MasteryEngine.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => { });
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => { });
        listener.SetMeasurementEventCallback<int>((_, _, _, _) => { });
        listener.Start();
        return listener;
    }
}
