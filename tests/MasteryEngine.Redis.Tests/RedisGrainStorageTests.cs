using System.Globalization;
using System.Text.Json;
using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Redis;
using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

public class RedisGrainStorageTests(RedisStorageFixture fixture) : IClassFixture<RedisStorageFixture>
{
    private const string StateName = "state";

    public sealed class ProgressState
    {
        public int Value { get; set; }
    }

    private static GrainId NewStudent() => new("student", "student_" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task State_lives_under_a_hash_tagged_key_readable_with_redis_cli()
    {
        var student = NewStudent();

        await fixture.Storage.WriteStateAsync(StateName, student, new GrainState<ProgressState> { State = new() { Value = 7 } });

        var key = $"student:{{{student.Key}}}:state";
        Assert.Equal("""{"value":7}""", await fixture.Server.CliAsync("HGET", key, "data:state"));
        Assert.Equal(key, await fixture.Server.CliAsync("--scan", "--pattern", $"*{student.Key}*"));
    }

    [Fact]
    public async Task The_states_of_one_grain_are_fields_of_its_one_state_key()
    {
        var student = NewStudent();

        await fixture.Storage.WriteStateAsync("mastery", student, new GrainState<ProgressState> { State = new() { Value = 1 } });
        await fixture.Storage.WriteStateAsync("profile", student, new GrainState<ProgressState> { State = new() { Value = 2 } });

        var key = $"student:{{{student.Key}}}:state";
        Assert.Equal("""{"value":1}""", await fixture.Server.CliAsync("HGET", key, "data:mastery"));
        Assert.Equal("""{"value":2}""", await fixture.Server.CliAsync("HGET", key, "data:profile"));
        Assert.Equal(key, await fixture.Server.CliAsync("--scan", "--pattern", $"*{student.Key}*"));
    }

    [Fact]
    public async Task Every_write_sets_the_retention_ttl_again()
    {
        var student = NewStudent();
        var key = $"student:{{{student.Key}}}:state";
        var state = new GrainState<ProgressState>();
        await fixture.Storage.WriteStateAsync(StateName, student, state);
        var ninetyDays = TimeSpan.FromDays(90).TotalMilliseconds;
        Assert.InRange(await PttlAsync(key), ninetyDays - 60_000, ninetyDays);

        await fixture.Server.CliAsync("PEXPIRE", key, "5000000");
        state.State.Value++;
        await fixture.Storage.WriteStateAsync(StateName, student, state);

        Assert.InRange(await PttlAsync(key), ninetyDays - 60_000, ninetyDays);
    }

    [Fact]
    public async Task Batch_status_expires_after_one_day()
    {
        var batch = new GrainId("batch", "batch_" + Guid.NewGuid().ToString("N"));

        await fixture.Storage.WriteStateAsync(StateName, batch, new GrainState<ProgressState>());

        var oneDay = TimeSpan.FromDays(1).TotalMilliseconds;
        Assert.InRange(await PttlAsync($"batch:{{{batch.Key}}}:state"), oneDay - 60_000, oneDay);
    }

    [Fact]
    public async Task Clearing_leaves_no_key_that_names_the_grain()
    {
        var student = NewStudent();
        var state = new GrainState<ProgressState>();
        await fixture.Storage.WriteStateAsync(StateName, student, state);
        await fixture.Storage.WriteStateAsync("profile", student, new GrainState<ProgressState>());
        var profile = new GrainState<ProgressState>();
        await fixture.Storage.ReadStateAsync("profile", student, profile);

        await fixture.Storage.ClearStateAsync(StateName, student, state);
        var profileAfterFirstClear = new GrainState<ProgressState>();
        await fixture.Storage.ReadStateAsync("profile", student, profileAfterFirstClear);
        await fixture.Storage.ClearStateAsync("profile", student, profile);

        Assert.True(profileAfterFirstClear.RecordExists);
        Assert.Equal("", await fixture.Server.CliAsync("--scan", "--pattern", $"*{student.Key}*"));
    }

    [Fact]
    public async Task A_conflict_reports_the_stored_and_the_carried_etag()
    {
        var student = NewStudent();
        var winner = new GrainState<ProgressState>();
        await fixture.Storage.WriteStateAsync(StateName, student, winner);
        var stale = new GrainState<ProgressState> { ETag = "stale-etag" };

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteStateAsync(StateName, student, stale));

        Assert.Equal(winner.ETag, conflict.StoredEtag);
        Assert.Equal("stale-etag", conflict.CurrentEtag);
    }

    [Fact]
    public async Task Each_write_and_clear_publishes_an_invalidation_with_the_new_etag()
    {
        var student = NewStudent();
        await using var subscriber = RedisTestClients.Subscriber(fixture.Server);
        var received = new List<GrainInvalidation>();
        await subscriber.SubscribeAsync(fixture.Options.InvalidationChannel, message =>
        {
            var invalidation = JsonSerializer.Deserialize(message.Payload, RedisJsonContext.Default.GrainInvalidation)!;
            if (invalidation.GrainKey == student.Key)
            {
                lock (received)
                {
                    received.Add(invalidation);
                }
            }
        });
        var state = new GrainState<ProgressState>();

        await fixture.Storage.WriteStateAsync(StateName, student, state);
        var written = state.ETag;
        await fixture.Storage.ClearStateAsync(StateName, student, state);

        await Eventually.UntilAsync(() => Task.FromResult(Count(received) == 2), RedisTestClients.Patience, "both invalidations arrive");
        Assert.Equal(new GrainInvalidation("student", student.Key, StateName, written, "test-silo"), received[0]);
        Assert.Equal(new GrainInvalidation("student", student.Key, StateName, null, "test-silo"), received[1]);
    }

    [Fact]
    public async Task With_redis_down_operations_fail_as_storage_unavailable_and_the_stored_state_is_unchanged()
    {
        await using var server = await RedisServerProcess.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        await using var redis = RedisTestClients.Multiplexer(server);
        var storage = RedisTestClients.Storage(redis, RedisTestClients.Options(server));
        var student = NewStudent();
        var state = new GrainState<ProgressState> { State = new() { Value = 1 } };
        await storage.WriteStateAsync(StateName, student, state);

        await server.KillAsync();
        await Eventually.UntilAsync(() => Task.FromResult(!redis.IsConnected), RedisTestClients.Patience, "the client notices");
        state.State.Value = 2;
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.WriteStateAsync(StateName, student, state));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadStateAsync(StateName, student, new GrainState<ProgressState>()));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ClearStateAsync(StateName, student, state));

        await server.RestartAsync();
        var read = new GrainState<ProgressState>();
        await Eventually.UntilAsync(async () =>
        {
            try
            {
                await storage.ReadStateAsync(StateName, student, read);
                return true;
            }
            catch (StorageUnavailableException)
            {
                return false;
            }
        }, RedisTestClients.Patience, "the storage works again");
        Assert.Equal(1, read.State.Value);
        Assert.Equal(state.ETag, read.ETag);
    }

    private static int Count(List<GrainInvalidation> received)
    {
        lock (received)
        {
            return received.Count;
        }
    }

    private async Task<double> PttlAsync(string key) =>
        double.Parse(await fixture.Server.CliAsync("PTTL", key), CultureInfo.InvariantCulture);
}
