using System.Text;
using MasteryEngine.Silo.Redis.Client;
using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

/// <summary>Each test owns its server, because each kills it.</summary>
public class RedisOutageTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Commands_in_flight_when_the_server_dies_fail_instead_of_hanging()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var redis = RedisTestClients.Multiplexer(server, o => o.CommandTimeout = TimeSpan.FromMinutes(5));
        await redis.ConnectAsync();
        var blocked = Enumerable.Range(0, 20).Select(i => redis.ExecuteAsync("BLPOP", $"never:{i}", "0")).ToArray();
        var traffic = Enumerable.Range(0, 2000).Select(i => redis.ExecuteAsync("INCR", "traffic")).ToArray();

        await server.KillAsync();

        foreach (var command in blocked)
        {
            await Assert.ThrowsAsync<RedisConnectionException>(() => command.WaitAsync(Generous));
        }

        foreach (var command in traffic)
        {
            var outcome = await Record.ExceptionAsync(() => command.WaitAsync(Generous));
            Assert.True(outcome is null or RedisConnectionException, $"unexpected {outcome}");
        }
    }

    [Fact]
    public async Task Commands_issued_while_disconnected_fail_fast_with_a_clear_error()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var redis = RedisTestClients.Multiplexer(server, o => o.CommandTimeout = TimeSpan.FromMinutes(5));
        await redis.ConnectAsync();

        await server.KillAsync();
        await Eventually.UntilAsync(() => Task.FromResult(!redis.IsConnected), RedisTestClients.Patience, "the client notices the server is gone");

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => redis.ExecuteAsync("PING").WaitAsync(Generous));
        Assert.Contains("not connected", error.Message);
        Assert.Contains(server.HostAndPort, error.Message);
    }

    [Fact]
    public async Task The_client_reconnects_by_itself_when_the_server_comes_back_on_the_same_port()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var redis = RedisTestClients.Multiplexer(server);
        await redis.ExecuteAsync("SET", "before", "1");

        await server.RestartAsync();

        await Eventually.UntilAsync(() => AnswersAsync(redis), RedisTestClients.Patience, "the client talks to the restarted server");
        await redis.ExecuteAsync("SET", "after", "2");
        Assert.Equal("2", await server.CliAsync("GET", "after"));
    }

    [Fact]
    public async Task A_script_is_reloaded_after_a_server_restart()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var redis = RedisTestClients.Multiplexer(server);
        var script = new RedisScript("return 'script ran'");
        await redis.ExecuteScriptAsync(script, [], []);

        await server.RestartAsync();
        await Eventually.UntilAsync(() => AnswersAsync(redis), RedisTestClients.Patience, "the client reconnects");

        Assert.Equal("script ran", (await redis.ExecuteScriptAsync(script, [], [])).AsString());
    }

    [Fact]
    public async Task A_subscriber_receives_messages_again_after_a_server_restart()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var redis = RedisTestClients.Multiplexer(server);
        await using var subscriber = RedisTestClients.Subscriber(server);
        var received = new List<string>();
        await subscriber.SubscribeAsync("news", message =>
        {
            lock (received)
            {
                received.Add(Encoding.UTF8.GetString(message.Payload));
            }
        });
        await PublishUntilReceivedAsync(redis, received, "before restart");

        await server.RestartAsync();

        await Eventually.UntilAsync(() => AnswersAsync(redis), RedisTestClients.Patience, "the publisher reconnects");
        await PublishUntilReceivedAsync(redis, received, "after restart");
    }

    private static async Task PublishUntilReceivedAsync(RedisMultiplexer redis, List<string> received, string text) =>
        await Eventually.UntilAsync(async () =>
        {
            await redis.ExecuteAsync("PUBLISH", "news", text);
            lock (received)
            {
                return received.Contains(text);
            }
        }, RedisTestClients.Patience, $"'{text}' arrives");

    private static async Task<bool> AnswersAsync(RedisMultiplexer redis)
    {
        try
        {
            return (await redis.ExecuteAsync("PING")).AsString() == "PONG";
        }
        catch (RedisException)
        {
            return false;
        }
    }
}
