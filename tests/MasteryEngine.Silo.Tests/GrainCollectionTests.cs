using MasteryEngine.Runtime;
using MasteryEngine.Silo.Runtime;
using MasteryEngine.Silo.Tests.Grains;
using MasteryEngine.Testing;

namespace MasteryEngine.Silo.Tests;

public sealed class GrainCollectionTests
{
    private static readonly TimeSpan Age = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Quantum = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Idle_grain_is_kept_before_the_collection_age()
    {
        await using var silo = await StartAsync();
        var key = RuntimeTestSilo.NewKey();
        await silo.GrainFactory.GetGrain<ICounterGrain>(key).GetAsync();

        silo.Clock.Advance(Age - Quantum);
        silo.Catalog.CollectIdleActivations();

        Assert.True(silo.Catalog.IsResident(new GrainId("counter", key)));
        Assert.DoesNotContain(silo.Log().EventsOf(key), e => e.StartsWith("deactivate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Idle_grain_is_collected_after_the_collection_age()
    {
        await using var silo = await StartAsync();
        var key = RuntimeTestSilo.NewKey();
        await silo.GrainFactory.GetGrain<ICounterGrain>(key).GetAsync();

        silo.Clock.Advance(Age);
        silo.Clock.Advance(Quantum);

        await Eventually.UntilAsync(() => silo.Log().WasDeactivated(key, DeactivationReason.IdleCollection), RuntimeTestSilo.Patience, "the idle grain was collected");
        Assert.False(silo.Catalog.IsResident(new GrainId("counter", key)));
    }

    [Fact]
    public async Task A_call_resets_the_idle_age()
    {
        await using var silo = await StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.GetAsync();
        silo.Clock.Advance(TimeSpan.FromMinutes(10));

        await grain.GetAsync();
        silo.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.True(silo.Catalog.IsResident(new GrainId("counter", key)));
    }

    [Fact]
    public async Task A_busy_grain_is_not_collected_however_long_its_call_takes()
    {
        await using var silo = await StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(key);
        var release = new TaskCompletionSource();
        var holding = grain.HoldAsync(release.Task);

        silo.Clock.Advance(Age + Quantum);
        silo.Clock.Advance(Age + Quantum);

        Assert.True(silo.Catalog.IsResident(new GrainId("probe", key)));
        release.SetResult();
        await holding;
    }

    [Fact]
    public async Task Activation_cap_evicts_the_least_recently_used_idle_grain()
    {
        await using var silo = await StartAsync(maxResident: 3);
        var keys = Enumerable.Range(0, 4).Select(i => RuntimeTestSilo.NewKey($"lru{i}")).ToArray();
        var grains = keys.Select(silo.GrainFactory.GetGrain<ICounterGrain>).ToArray();
        await grains[0].GetAsync();
        await grains[1].GetAsync();
        await grains[2].GetAsync();
        await grains[0].GetAsync();

        await grains[3].GetAsync();

        await Eventually.UntilAsync(() => silo.Log().WasDeactivated(keys[1], DeactivationReason.CapacityExceeded), RuntimeTestSilo.Patience, "the least recently used grain was evicted");
        await Eventually.UntilAsync(() => silo.Catalog.ResidentCount == 3, RuntimeTestSilo.Patience, "three grains remain resident");
        Assert.All([keys[0], keys[2], keys[3]], key => Assert.True(silo.Catalog.IsResident(new GrainId("counter", key))));
    }

    [Fact]
    public async Task Activation_cap_never_evicts_a_busy_grain()
    {
        await using var silo = await StartAsync(maxResident: 2);
        var busyKey = RuntimeTestSilo.NewKey("busy");
        var idleKey = RuntimeTestSilo.NewKey("idle");
        var release = new TaskCompletionSource();
        var holding = silo.GrainFactory.GetGrain<IProbeGrain>(busyKey).HoldAsync(release.Task);
        await Eventually.UntilAsync(() => silo.Log().Count(busyKey, "holding") == 1, RuntimeTestSilo.Patience, "the oldest grain is busy");
        await silo.GrainFactory.GetGrain<IProbeGrain>(idleKey).PingAsync();

        await silo.GrainFactory.GetGrain<IProbeGrain>(RuntimeTestSilo.NewKey("new")).PingAsync();

        await Eventually.UntilAsync(() => silo.Log().WasDeactivated(idleKey, DeactivationReason.CapacityExceeded), RuntimeTestSilo.Patience, "the idle grain was evicted");
        Assert.True(silo.Catalog.IsResident(new GrainId("probe", busyKey)));
        release.SetResult();
        await holding;
    }

    private static Task<TestSilo> StartAsync(int? maxResident = null) =>
        RuntimeTestSilo.StartAsync(silo => silo.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = Age;
            o.CollectionQuantum = Quantum;
            o.MaxResidentActivations = maxResident;
        }));
}
