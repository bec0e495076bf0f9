using System.Diagnostics;
using MasteryEngine.Redis.Tests.Grains;
using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Redis;
using MasteryEngine.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MasteryEngine.Redis.Tests;

/// <summary>Two silos (two hosts in this process) sharing one Redis, as two gateway replicas would.</summary>
public class MultiSiloTests(RedisServerFixture fixture, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private Task<TestSilo> StartSiloAsync() =>
        TestSilo.StartAsync(silo =>
        {
            silo.AddGrains(typeof(SharedCounterGrain).Assembly);
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["REDIS_HOST"] = fixture.Server.HostAndPort })
                .Build();
            silo.Services.AddRedisGrainStorage(configuration);
        });

    private static string NewKey() => "counter_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Concurrent_increments_through_two_silos_lose_no_update()
    {
        await using var siloA = await StartSiloAsync();
        await using var siloB = await StartSiloAsync();
        var key = NewKey();
        const int increments = 200;

        await Task.WhenAll(Enumerable.Range(0, increments).Select(i =>
            (i % 2 == 0 ? siloA : siloB).GrainFactory.GetGrain<ISharedCounterGrain>(key).IncrementAsync()));

        var stored = new GrainState<SharedCounterState>();
        await siloA.Services.GetRequiredKeyedService<IGrainStorage>("Default").ReadStateAsync("state", new GrainId("shared-counter", key), stored);
        Assert.Equal(increments, stored.State.Value);
        await Eventually.UntilAsync(async () =>
            await siloA.GrainFactory.GetGrain<ISharedCounterGrain>(key).GetAsync() == increments
            && await siloB.GrainFactory.GetGrain<ISharedCounterGrain>(key).GetAsync() == increments,
            Patience, "both silos serve the final count");
    }

    [Fact]
    public async Task A_read_on_one_silo_sees_a_write_made_through_the_other()
    {
        await using var siloA = await StartSiloAsync();
        await using var siloB = await StartSiloAsync();
        var delays = new List<double>();

        for (var round = 0; round < 20; round++)
        {
            var key = NewKey();
            var onA = siloA.GrainFactory.GetGrain<ISharedCounterGrain>(key);
            var onB = siloB.GrainFactory.GetGrain<ISharedCounterGrain>(key);
            Assert.Equal(0, await onB.GetAsync());

            await onA.IncrementAsync();
            var written = Stopwatch.StartNew();
            await Eventually.UntilAsync(async () => await onB.GetAsync() == 1, Patience, "silo B sees silo A's write");
            delays.Add(written.Elapsed.TotalMilliseconds);
        }

        delays.Sort();
        output.WriteLine($"write on A to fresh read on B (poll 50 ms): median {delays[delays.Count / 2]:F1} ms, max {delays[^1]:F1} ms");
    }
}
