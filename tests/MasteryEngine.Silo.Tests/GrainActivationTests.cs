using MasteryEngine.Runtime;
using MasteryEngine.Silo.Tests.Grains;
using MasteryEngine.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Silo.Tests;

public sealed class GrainActivationTests
{
    [Fact]
    public async Task Many_concurrent_callers_share_one_activation_per_key()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            Task.Run(() => silo.GrainFactory.GetGrain<ICounterGrain>(key).GetActivationIdAsync())));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, silo.Log().Count(key, "activate"));
    }

    [Fact]
    public async Task Different_keys_get_different_activations()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();

        var first = await silo.GrainFactory.GetGrain<ICounterGrain>(RuntimeTestSilo.NewKey()).GetActivationIdAsync();
        var second = await silo.GrainFactory.GetGrain<ICounterGrain>(RuntimeTestSilo.NewKey()).GetActivationIdAsync();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task State_is_read_before_OnActivateAsync()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.IncrementAsync();
        await grain.IncrementAsync();
        await silo.Catalog.DeactivateAsync(new GrainId("counter", key), DeactivationReason.ApplicationRequested);

        var seen = await grain.GetValueSeenOnActivationAsync();

        Assert.Equal("2", seen);
    }

    [Theory]
    [InlineData("constructor")]
    [InlineData("read")]
    [InlineData("activate")]
    public async Task Failed_activation_reaches_every_waiting_caller_and_the_next_call_activates_afresh(string step)
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var failure = new InvalidOperationException($"planned {step} failure");
        silo.Services.GetRequiredService<ActivationFaults>().FailNext(key, step, failure);
        var grain = silo.GrainFactory.GetGrain<IFlakyGrain>(key);

        var calls = Enumerable.Range(0, 5).Select(_ => grain.PingAsync()).ToArray();
        var outcomes = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                return await call;
            }
            catch (InvalidOperationException exception) when (ReferenceEquals(exception, failure))
            {
                return "failed";
            }
        }));

        Assert.Equal("failed", outcomes[0]);
        Assert.Equal("pong", await grain.PingAsync());
    }

    [Fact]
    public async Task Callers_waiting_on_a_failing_activation_all_get_its_exception()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var failure = new InvalidOperationException("planned activation failure");
        silo.Services.GetRequiredService<ActivationFaults>().FailNext(key, "activate", failure);
        var grain = silo.GrainFactory.GetGrain<IFlakyGrain>(key);

        var calls = Enumerable.Range(0, 5).Select(_ => grain.PingAsync()).ToArray();

        foreach (var call in calls)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => call));
        }
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_current_call_and_the_next_call_reactivates()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        var firstActivation = await grain.GetActivationIdAsync();

        await grain.DeactivateOnIdleAsync();
        await Eventually.UntilAsync(() => silo.Log().WasDeactivated(key, DeactivationReason.ApplicationRequested), RuntimeTestSilo.Patience, "the grain deactivated");

        Assert.Equal(["activate", "deactivate-on-idle requested", $"deactivate:{DeactivationReason.ApplicationRequested}"], silo.Log().EventsOf(key));
        Assert.NotEqual(firstActivation, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task Catalog_deactivates_a_grain_on_request_and_the_next_call_reloads_its_state()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var key = RuntimeTestSilo.NewKey();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.IncrementAsync();
        var grainId = new GrainId("counter", key);

        await silo.Catalog.DeactivateAsync(grainId, DeactivationReason.InconsistentState);

        Assert.False(silo.Catalog.IsResident(grainId));
        Assert.True(silo.Log().WasDeactivated(key, DeactivationReason.InconsistentState));
        Assert.Equal(1, await grain.GetAsync());
        Assert.Equal(2, silo.Log().Count(key, "activate"));
    }

    [Fact]
    public async Task Stopping_the_silo_deactivates_every_grain()
    {
        var silo = await RuntimeTestSilo.StartAsync();
        var log = silo.Log();
        var keys = Enumerable.Range(0, 10).Select(_ => RuntimeTestSilo.NewKey()).ToArray();
        foreach (var key in keys)
        {
            await silo.GrainFactory.GetGrain<ICounterGrain>(key).GetAsync();
        }

        await silo.DisposeAsync();

        Assert.All(keys, key => Assert.True(log.WasDeactivated(key, DeactivationReason.ShuttingDown)));
    }

    [Fact]
    public async Task Grain_type_comes_from_the_attribute_or_else_the_class_name()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var counterKey = RuntimeTestSilo.NewKey();
        var flakyKey = RuntimeTestSilo.NewKey();

        await silo.GrainFactory.GetGrain<ICounterGrain>(counterKey).GetAsync();
        await silo.GrainFactory.GetGrain<IFlakyGrain>(flakyKey).PingAsync();

        Assert.True(silo.Catalog.IsResident(new GrainId("counter", counterKey)));
        Assert.True(silo.Catalog.IsResident(new GrainId("flaky", flakyKey)));
    }
}
