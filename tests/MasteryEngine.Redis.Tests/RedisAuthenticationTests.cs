using MasteryEngine.Silo.Redis.Client;
using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

public class RedisAuthenticationTests
{
    [Fact]
    public async Task A_password_authenticates_the_default_user()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", "s3cret");
        await using var redis = RedisTestClients.Multiplexer(server, o => o.Password = "s3cret");

        Assert.Equal("PONG", (await redis.ExecuteAsync("PING")).AsString());
    }

    [Fact]
    public async Task An_acl_user_authenticates_with_its_password()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", "admin-pass");
        await server.CliAsync("-a", "admin-pass", "--no-auth-warning", "ACL", "SETUSER", "mastery", "on", ">app-pass", "~*", "+@all");
        await using var redis = RedisTestClients.Multiplexer(server, o =>
        {
            o.User = "mastery";
            o.Password = "app-pass";
        });

        Assert.Equal("mastery", (await redis.ExecuteAsync("ACL", "WHOAMI")).AsString());
    }

    [Fact]
    public async Task A_wrong_password_fails_with_the_servers_reason()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", "s3cret");
        await using var redis = RedisTestClients.Multiplexer(server, o => o.Password = "wrong");

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => redis.ExecuteAsync("PING"));

        Assert.Contains("WRONGPASS", error.Message);
    }

    [Fact]
    public async Task Without_a_password_commands_are_refused_by_the_server()
    {
        await using var server = await RedisServerProcess.StartAsync("--requirepass", "s3cret");
        await using var redis = RedisTestClients.Multiplexer(server);

        var error = await Assert.ThrowsAsync<RedisServerException>(() => redis.ExecuteAsync("GET", "anything"));

        Assert.Equal("NOAUTH", error.Code);
    }
}
