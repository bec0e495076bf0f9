using System.Text.Json;
using MasteryEngine.Redis.SiloHost.Grains;
using MasteryEngine.Silo.Redis;
using Orleans.Storage;

namespace MasteryEngine.Redis.Tests;

/// <summary>What operators see with <c>redis-cli</c>: key names, layout, readable JSON, TTL, and nothing left after an erase.</summary>
[Collection(RedisSiloCollection.Name)]
public sealed class RedisStateLayoutTests(RedisSiloFixture fixture)
{
    private static readonly long RetentionSeconds = (long)TimeSpan.FromDays(90).TotalSeconds;

    private static string NewStudent() => "student_" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_students_state_is_one_hash_named_in_the_operator_pattern()
    {
        var student = NewStudent();
        await fixture.Silo.Client.GetGrain<IProbeGrain>(student).IncrementAsync();

        var key = $"probe:{{{student}}}:state";
        Assert.Equal(key, await fixture.Server.CliAsync("--scan", "--pattern", $"probe:{{{student}}}*"));
        Assert.Equal("hash", await fixture.Server.CliAsync("TYPE", key));
        Assert.Equal(["data", "etag"], (await fixture.Server.CliAsync("HKEYS", key)).Split('\n').Order());
    }

    [Fact]
    public async Task The_state_is_plain_json_readable_with_hget()
    {
        var student = NewStudent();
        var grain = fixture.Silo.Client.GetGrain<IProbeGrain>(student);
        await grain.IncrementAsync();
        await grain.IncrementAsync();

        var data = await fixture.Server.CliAsync("HGET", $"probe:{{{student}}}:state", "data");

        using var json = JsonDocument.Parse(data);
        Assert.Equal(2, json.RootElement.GetProperty("Count").GetInt32());
        Assert.Equal(["increment 1", "increment 2"], json.RootElement.GetProperty("Notes").EnumerateArray().Select(n => n.GetString()));
        Assert.DoesNotContain("$type", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_write_sets_the_ttl_to_the_retention()
    {
        var student = NewStudent();
        var grain = fixture.Silo.Client.GetGrain<IProbeGrain>(student);
        var key = $"probe:{{{student}}}:state";
        await grain.IncrementAsync();
        Assert.InRange(long.Parse(await fixture.Server.CliAsync("TTL", key)), RetentionSeconds - 60, RetentionSeconds);

        await fixture.Server.CliAsync("EXPIRE", key, "1000");
        await grain.IncrementAsync();

        Assert.InRange(long.Parse(await fixture.Server.CliAsync("TTL", key)), RetentionSeconds - 60, RetentionSeconds);
    }

    [Fact]
    public async Task An_erase_leaves_no_key_naming_the_student()
    {
        var student = NewStudent();
        var grain = fixture.Silo.Client.GetGrain<IProbeGrain>(student);
        await grain.IncrementAsync();

        await grain.EraseAsync();

        Assert.Equal("", await fixture.Server.CliAsync("--scan", "--pattern", $"*{student}*"));
        Assert.Equal(0, await fixture.Silo.Client.GetGrain<IProbeGrain>(student).ReadAsync());
    }

    [Fact]
    public async Task The_state_name_is_not_part_of_the_key_so_each_grain_has_one_record()
    {
        var grainId = GrainId.Create("probe", NewStudent());
        var storage = fixture.Silo.Storage(MasteryRedisExtensions.StorageName);
        await storage.WriteStateAsync("mastery", grainId, new GrainState<ProbeState>(new ProbeState { Count = 3 }));

        var other = new GrainState<ProbeState>();
        await storage.ReadStateAsync("another-name", grainId, other);

        Assert.Equal(3, other.State!.Count);
    }

    [Fact]
    public async Task A_write_with_an_invented_etag_to_a_missing_key_fails()
    {
        // Stricter than Orleans' memory storage, which accepts it: a made-up version never creates a record.
        var state = new GrainState<ProbeState>(new ProbeState()) { ETag = "no-such-version" };
        var storage = fixture.Silo.Storage(MasteryRedisExtensions.StorageName);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("mastery", GrainId.Create("probe", NewStudent()), state));
    }
}
