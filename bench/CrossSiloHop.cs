using System.Globalization;
using System.Text.Json;
using MasteryEngine.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace MasteryEngine.Bench;

/// <summary>
/// What a call from one silo's consumer costs when the student's grain lives on another silo of the cluster, beside
/// the same call to grains on its own silo, in the same run: a read (<c>HasDataAsync</c>) shows the hop alone, a
/// learning event (<c>ApplyEventAsync</c>, a state write to Redis) the hop beside the work an event really does.
/// One caller gives the cost of one call, many callers the rate.
/// </summary>
internal static class CrossSiloHop
{
    private const int StudentsPerSilo = 1000;

    public static async Task MeasureAsync(IReadOnlyList<IHost> silos, TimeSpan duration, int callers)
    {
        var caller = silos[0].Services.GetRequiredService<IGrainFactory>();
        var callerSilo = silos[0].Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var management = caller.GetGrain<IManagementGrain>(0);
        var local = new List<IStudentMasteryGrain>();
        var remote = new List<IStudentMasteryGrain>();
        // Each silo's factory activates its own share; Orleans may still place some elsewhere, so where each one
        // lives is asked of the directory.
        for (var i = 0; i < StudentsPerSilo * silos.Count; i++)
        {
            var id = "hop_" + i.ToString(CultureInfo.InvariantCulture);
            await silos[i % silos.Count].Services.GetRequiredService<IGrainFactory>().GetGrain<IStudentMasteryGrain>(id).CalculateAsync(null);
            var grain = caller.GetGrain<IStudentMasteryGrain>(id);
            (Equals(await management.GetActivationAddress(grain), callerSilo) ? local : remote).Add(grain);
        }

        // Orleans places new activations on the less loaded silo, so the two sides differ in size: the same number
        // of grains on each side, and no more callers than grains, keep the comparison fair.
        var size = Math.Min(local.Count, remote.Count);
        Console.WriteLine($"  cross-silo hop: {local.Count} students on the calling silo, {remote.Count} on the other; {size} of each compared");
        if (size == 0)
        {
            Console.WriteLine("  cross-silo hop: placement left one side empty, nothing to compare");
            return;
        }

        local = local[..size];
        remote = remote[..size];
        callers = Math.Min(callers, size);
        foreach (var (name, grains) in new[] { ("local", local), ("remote", remote) })
        {
            await ClosedLoopRate.MeasureAsync($"warm-up {name}", callers, TimeSpan.FromSeconds(2), (c, n) => grains[Pick(c, n, grains.Count)].HasDataAsync());
        }

        foreach (var (name, grains) in new[] { ("local", local), ("remote", remote) })
        {
            await ClosedLoopRate.MeasureAsync($"read, {name} grain, 1 caller", 1, duration, (c, n) => grains[Pick(c, n, grains.Count)].HasDataAsync());
            await ClosedLoopRate.MeasureAsync($"read, {name} grain, {callers} callers", callers, duration, (c, n) => grains[Pick(c, n, grains.Count)].HasDataAsync());
            await ClosedLoopRate.MeasureAsync($"learning event, {name} grain, 1 caller", 1, duration, (c, n) => Apply(grains[Pick(c, n, grains.Count)], n));
            await ClosedLoopRate.MeasureAsync($"learning event, {name} grain, {callers} callers", callers, duration, (c, n) => Apply(grains[Pick(c, n, grains.Count)], n));
        }
    }

    private static Task<EventApplyResult> Apply(IStudentMasteryGrain grain, long n)
    {
        using var data = JsonDocument.Parse("{\"score\":" + (n % 10 / 10.0).ToString(CultureInfo.InvariantCulture) + "}");
        return grain.ApplyEventAsync(new LearningEvent(
            LearningEventTypes.Quality, grain.GetPrimaryKeyString(), Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, null, null, data.RootElement.Clone()));
    }

    private static int Pick(int caller, long n, int count) => (int)((caller * 7919L + n) % count);
}
