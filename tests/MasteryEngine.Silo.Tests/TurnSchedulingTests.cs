using MasteryEngine.Runtime;
using MasteryEngine.Silo.Runtime;
using MasteryEngine.Silo.Tests.Grains;
using MasteryEngine.Testing;

namespace MasteryEngine.Silo.Tests;

public sealed class TurnSchedulingTests
{
    [Fact]
    public async Task Calls_to_one_grain_run_one_at_a_time_in_arrival_order()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(key);
        var release = new TaskCompletionSource();
        var holding = grain.HoldAsync(release.Task);
        await Eventually.UntilAsync(() => silo.Log().Count(key, "holding") == 1, RuntimeTestSilo.Patience, "the first call holds the turn");

        var appends = Enumerable.Range(1, 50).Select(grain.AppendAsync).ToArray();
        release.SetResult();
        await holding;
        await Task.WhenAll(appends);

        Assert.Equal(Enumerable.Range(1, 50), await grain.GetAppendedAsync());
        Assert.Equal(1, await grain.GetMaxConcurrencyAsync());
    }

    [Fact]
    public async Task Concurrent_callers_never_overlap_inside_one_grain()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(RuntimeTestSilo.NewKey());

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => grain.AppendAsync(i))));

        Assert.Equal(500, (await grain.GetAppendedAsync()).Count);
        Assert.Equal(1, await grain.GetMaxConcurrencyAsync());
    }

    [Fact]
    public async Task Calls_to_different_grains_run_concurrently()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var busyKey = RuntimeTestSilo.NewKey();
        var release = new TaskCompletionSource();
        var holding = silo.GrainFactory.GetGrain<IProbeGrain>(busyKey).HoldAsync(release.Task);
        await Eventually.UntilAsync(() => silo.Log().Count(busyKey, "holding") == 1, RuntimeTestSilo.Patience, "the first grain holds its turn");

        var answer = await silo.GrainFactory.GetGrain<IProbeGrain>(RuntimeTestSilo.NewKey()).PingAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("pong", answer);
        Assert.False(holding.IsCompleted);
        release.SetResult();
        await holding;
    }

    [Fact]
    public async Task A_grain_calling_itself_fails_fast_with_a_call_cycle_exception()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();

        var error = await Assert.ThrowsAsync<GrainCallCycleException>(
            () => silo.GrainFactory.GetGrain<IProbeGrain>(key).CallSelfAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(new GrainId("probe", key), error.Target);
        Assert.Equal("pong from " + key, await silo.GrainFactory.GetGrain<IProbeGrain>(key).PingAsync());
    }

    [Fact]
    public async Task A_call_cycle_through_another_grain_fails_fast()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var a = RuntimeTestSilo.NewKey("a");
        var b = RuntimeTestSilo.NewKey("b");

        var error = await Assert.ThrowsAsync<GrainCallCycleException>(
            () => silo.GrainFactory.GetGrain<IProbeGrain>(a).CallThroughAsync(b, a).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal([new GrainId("probe", a), new GrainId("probe", b)], error.Chain);
    }

    [Fact]
    public async Task A_call_chain_without_a_cycle_completes()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var c = RuntimeTestSilo.NewKey("c");

        var answer = await silo.GrainFactory.GetGrain<IProbeGrain>(RuntimeTestSilo.NewKey("a"))
            .CallThroughAsync(RuntimeTestSilo.NewKey("b"), c);

        Assert.Equal("pong from " + c, answer);
    }

    [Fact]
    public async Task An_exception_from_a_grain_method_reaches_the_caller_unchanged()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(RuntimeTestSilo.NewKey());
        var asyncFailure = new FormatException("thrown after an await");
        var syncFailure = new ArgumentOutOfRangeException("value", "thrown before returning a task");

        Assert.Same(asyncFailure, await Assert.ThrowsAsync<FormatException>(() => grain.ThrowAsync(asyncFailure)));
        Assert.Same(syncFailure, await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.ThrowSynchronously(syncFailure)));
    }

    [Fact]
    public async Task An_exception_from_a_queued_call_reaches_its_caller_unchanged()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(key);
        var release = new TaskCompletionSource();
        var holding = grain.HoldAsync(release.Task);
        await Eventually.UntilAsync(() => silo.Log().Count(key, "holding") == 1, RuntimeTestSilo.Patience, "the first call holds the turn");
        var failure = new TimeoutException("queued failure");

        var queued = grain.ThrowAsync(failure);
        release.SetResult();
        await holding;

        Assert.Same(failure, await Assert.ThrowsAsync<TimeoutException>(() => queued));
    }

    [Fact]
    public async Task Grain_exception_does_not_deactivate_the_grain()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(key);
        await grain.AppendAsync(1);

        await Assert.ThrowsAsync<FormatException>(() => grain.ThrowAsync(new FormatException()));

        Assert.Equal([1], await grain.GetAppendedAsync());
    }
}
