using System.Diagnostics;
using System.Text.Json;
using MasteryEngine.Redis.SiloHost;
using MasteryEngine.Redis.SiloHost.Grains;
using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

/// <summary>Three silos on one Redis: one cluster through Redis membership.</summary>
public sealed class ThreeSiloFixture : IAsyncLifetime
{
    public RedisServerProcess Server { get; private set; } = null!;

    public string ClusterId { get; } = "test-" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyList<RedisClusteredSilo> Silos { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Server = await RedisServerProcess.StartAsync();
        var silos = new List<RedisClusteredSilo>();
        foreach (var name in new[] { "silo-a", "silo-b", "silo-c" })
        {
            silos.Add(await RedisClusteredSilo.StartAsync(Server.HostAndPort, ClusterId, name));
        }

        Silos = silos;
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}

public sealed class MultiSiloTests(ThreeSiloFixture fixture) : IClassFixture<ThreeSiloFixture>
{
    private static string NewStudent() => "student_" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_student_called_through_each_silo_is_served_by_one_activation()
    {
        foreach (var student in Enumerable.Range(0, 5).Select(_ => NewStudent()))
        {
            var answers = await Task.WhenAll(fixture.Silos.Select(silo => silo.Grains.GetGrain<IProbeGrain>(student).WhereAsync()));

            Assert.Single(answers.Distinct());
        }
    }

    [Fact]
    public async Task The_membership_is_one_redis_hash_with_a_field_per_silo()
    {
        var key = $"mastery-engine/members/{fixture.ClusterId}";

        var fields = (await fixture.Server.CliAsync("HKEYS", key)).Split('\n');

        Assert.Equal("hash", await fixture.Server.CliAsync("TYPE", key));
        foreach (var silo in fixture.Silos)
        {
            Assert.Contains(silo.Address, fields);
        }
    }

    [Fact]
    public async Task A_thousand_concurrent_increments_spread_over_the_silos_give_a_thousand()
    {
        var student = NewStudent();

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            fixture.Silos[i % fixture.Silos.Count].Grains.GetGrain<IProbeGrain>(student).IncrementAsync()));

        Assert.Equal(1000, await fixture.Silos[0].Grains.GetGrain<IProbeGrain>(student).ReadAsync());
        using var stored = JsonDocument.Parse(await fixture.Server.CliAsync("HGET", $"probe:{{{student}}}:state", "data"));
        Assert.Equal(1000, stored.RootElement.GetProperty("Count").GetInt32());
    }

    [Fact]
    public async Task A_silo_that_leaves_gracefully_hands_its_students_to_the_others_with_their_state()
    {
        await using var leaving = await RedisClusteredSilo.StartAsync(fixture.Server.HostAndPort, fixture.ClusterId, "silo-leaving");
        var student = await StudentLivingOnAsync(leaving);
        var count = await leaving.Grains.GetGrain<IProbeGrain>(student).IncrementAsync();

        var stopwatch = Stopwatch.StartNew();
        await leaving.StopAsync();
        var after = await fixture.Silos[0].Grains.GetGrain<IProbeGrain>(student).IncrementAsync();
        stopwatch.Stop();

        Assert.Equal(count + 1, after);
        var where = await fixture.Silos[0].Grains.GetGrain<IProbeGrain>(student).WhereAsync();
        Assert.DoesNotContain(leaving.Address, where, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"the student answered again after {stopwatch.Elapsed}");
    }

    /// <summary>A student whose activation placement put on <paramref name="silo"/> (placement is random: try a few).</summary>
    private static async Task<string> StudentLivingOnAsync(RedisClusteredSilo silo) =>
        await Eventually.UntilAsync(
            async () =>
            {
                var student = NewStudent();
                var where = await silo.Grains.GetGrain<IProbeGrain>(student).WhereAsync();
                return where.StartsWith(silo.Address, StringComparison.Ordinal) ? student : null;
            },
            student => student is not null,
            $"a student is placed on {silo}") ?? throw new InvalidOperationException("unreachable");
}
