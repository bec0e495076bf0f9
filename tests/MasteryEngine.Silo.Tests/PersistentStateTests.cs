using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Storage;
using MasteryEngine.Silo.Tests.Grains;
using MasteryEngine.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Silo.Tests;

public sealed class PersistentStateTests
{
    [Fact]
    public async Task State_written_by_a_grain_survives_its_deactivation()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.IncrementAsync();
        await grain.IncrementAsync();

        await silo.Catalog.DeactivateAsync(new GrainId("counter", key), DeactivationReason.ApplicationRequested);

        Assert.Equal(3, await grain.IncrementAsync());
    }

    [Fact]
    public async Task Etag_conflict_reaches_the_caller_deactivates_the_grain_and_the_next_call_sees_fresh_state()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.IncrementAsync();
        await WriteBehindTheGrainsBackAsync(silo, key, value: 41);

        await Assert.ThrowsAsync<InconsistentStateException>(grain.IncrementAsync);

        await Eventually.UntilAsync(() => silo.Log().WasDeactivated(key, DeactivationReason.InconsistentState), RuntimeTestSilo.Patience, "the stale activation was dropped");
        Assert.Equal(41, await grain.GetAsync());
        Assert.Equal(42, await grain.IncrementAsync());
    }

    [Fact]
    public async Task Calls_queued_behind_an_etag_conflict_run_on_fresh_state()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.IncrementAsync();
        await WriteBehindTheGrainsBackAsync(silo, key, value: 10);

        var calls = Enumerable.Range(0, 5).Select(_ => grain.IncrementAsync()).ToArray();
        var results = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                return await call;
            }
            catch (InconsistentStateException)
            {
                return -1;
            }
        }));

        Assert.Equal(-1, results[0]);
        Assert.Equal([11, 12, 13, 14], results[1..]);
    }

    private static async Task WriteBehindTheGrainsBackAsync(TestSilo silo, string key, int value)
    {
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var state = new GrainState<CounterState>();
        var grainId = new GrainId("counter", key);
        await storage.ReadStateAsync("counter", grainId, state);
        state.State.Value = value;
        await storage.WriteStateAsync("counter", grainId, state);
    }
}
