using MasteryEngine.Silo.Redis.Client;
using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

public class RedisConnectionTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    private static string NewKey() => "test:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_thousand_concurrent_increments_count_exactly_a_thousand()
    {
        await using var redis = RedisTestClients.Multiplexer(fixture.Server);
        var key = NewKey();

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => redis.ExecuteAsync("INCR", key)));

        Assert.Equal(1000, (await redis.ExecuteAsync("GET", key)).AsInt64());
    }

    [Fact]
    public async Task Concurrent_pipelined_callers_each_get_their_own_reply()
    {
        await using var redis = RedisTestClients.Multiplexer(fixture.Server, o => o.PoolSize = 1);
        var prefix = NewKey();
        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => redis.ExecuteAsync("SET", $"{prefix}:{i}", $"value-{i}")));

        var values = await Task.WhenAll(Enumerable.Range(0, 500).Select(async i => (await redis.ExecuteAsync("GET", $"{prefix}:{i}")).AsString()));

        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"value-{i}"), values);
    }

    [Fact]
    public async Task A_server_error_surfaces_as_a_typed_exception_with_the_server_message()
    {
        await using var redis = RedisTestClients.Multiplexer(fixture.Server);
        var key = NewKey();
        await redis.ExecuteAsync("SET", key, "not a number");

        var error = await Assert.ThrowsAsync<RedisServerException>(() => redis.ExecuteAsync("INCR", key));

        Assert.Equal("ERR value is not an integer or out of range", error.Message);
        Assert.Equal("ERR", error.Code);
        Assert.Equal("PONG", (await redis.ExecuteAsync("PING")).AsString());
    }

    [Fact]
    public async Task Nested_arrays_and_nulls_come_back_from_the_server_intact()
    {
        await using var redis = RedisTestClients.Multiplexer(fixture.Server);

        var reply = await redis.ExecuteAsync("EVAL", "return {1, 'two', {3, {'four'}}, redis.call('GET', KEYS[1])}", 1, NewKey());

        Assert.Equal("[1, two, [3, [four]], (nil)]", reply.ToString());
        Assert.True((await redis.ExecuteAsync("GET", NewKey())).IsNull);
    }

    [Fact]
    public async Task Binary_values_round_trip_unchanged()
    {
        await using var redis = RedisTestClients.Multiplexer(fixture.Server);
        var key = NewKey();
        var value = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 31)).ToArray();

        await redis.ExecuteAsync("SET", key, value);

        Assert.Equal(value, (await redis.ExecuteAsync("GET", key)).Bytes);
    }

    [Fact]
    public async Task The_configured_database_is_selected()
    {
        await using var redis = RedisTestClients.Multiplexer(fixture.Server, o => o.Database = 3);
        var key = NewKey();

        await redis.ExecuteAsync("SET", key, "in-db-3");

        Assert.Equal("in-db-3", await fixture.Server.CliAsync("-n", "3", "GET", key));
        Assert.Equal("", await fixture.Server.CliAsync("-n", "0", "GET", key));
    }

    [Fact]
    public async Task A_script_runs_again_after_the_server_forgot_it()
    {
        await using var redis = RedisTestClients.Multiplexer(fixture.Server, o => o.PoolSize = 1);
        var script = new RedisScript("return redis.call('INCRBY', KEYS[1], ARGV[1])");
        var key = NewKey();
        await redis.ExecuteScriptAsync(script, [key], [2]);

        await redis.ExecuteAsync("SCRIPT", "FLUSH");
        var afterFlush = await redis.ExecuteScriptAsync(script, [key], [3]);

        Assert.Equal(5, afterFlush.AsInt64());
        Assert.Equal("1", await fixture.Server.CliAsync("SCRIPT", "EXISTS", script.Sha1));
    }

    [Fact]
    public async Task A_timed_out_command_fails_and_later_replies_still_match_their_commands()
    {
        await using var redis = RedisTestClients.Multiplexer(fixture.Server, o =>
        {
            o.PoolSize = 1;
            o.CommandTimeout = TimeSpan.FromMilliseconds(200);
        });
        await redis.ConnectAsync();

        // BLPOP holds its reply for a whole second on the server, far past the 200 ms command timeout.
        await Assert.ThrowsAsync<RedisTimeoutException>(() => redis.ExecuteAsync("BLPOP", NewKey(), "1"));

        var key = NewKey();
        await WaitForPongAsync(redis);
        await redis.ExecuteAsync("SET", key, "mine");
        Assert.Equal("mine", (await redis.ExecuteAsync("GET", key)).AsString());
    }

    [Fact]
    public async Task A_cancelled_command_throws_and_the_connection_stays_usable()
    {
        await using var redis = RedisTestClients.Multiplexer(fixture.Server, o => o.PoolSize = 1);
        await redis.ConnectAsync();
        using var cancel = new CancellationTokenSource();

        var blocked = redis.ExecuteAsync(RedisCommand.Create("BLPOP", NewKey(), "1"), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        await WaitForPongAsync(redis);
    }

    [Fact]
    public async Task Too_many_commands_in_flight_are_refused_instead_of_queued()
    {
        await using var redis = RedisTestClients.Multiplexer(fixture.Server, o =>
        {
            o.PoolSize = 1;
            o.MaxInFlightPerConnection = 2;
        });
        await redis.ConnectAsync();
        var first = redis.ExecuteAsync("BLPOP", NewKey(), "1");
        var second = redis.ExecuteAsync("BLPOP", NewKey(), "1");

        var refused = await Assert.ThrowsAsync<RedisConnectionException>(() => redis.ExecuteAsync("PING"));

        Assert.Contains("already waiting", refused.Message);
        await Task.WhenAll(first, second);
    }

    private static async Task WaitForPongAsync(RedisMultiplexer redis) =>
        await Eventually.UntilAsync(async () =>
        {
            try
            {
                return (await redis.ExecuteAsync("PING")).AsString() == "PONG";
            }
            catch (RedisTimeoutException)
            {
                return false;
            }
        }, RedisTestClients.Patience, "PING answers PONG");
}
