using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests;

/// <summary>STORAGE_PROVIDER=redis against a real redis-server on a loopback port.</summary>
public sealed class RedisModeTests
{
    [Fact]
    public async Task Redis_mode_keeps_state_in_redis_and_reports_it_in_ready_and_info()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var factory = new GatewayFactory("Development", new Dictionary<string, string?>
        {
            ["STORAGE_PROVIDER"] = "redis",
            ["REDIS_HOST"] = redis.HostAndPort,
        });
        var admin = factory.ClientFor(TestTokens.Admin());
        var studentId = TestTokens.NewId("student");

        await admin.CalculateAsync(studentId, 0.85, 0.90, 0.85, 0.82);
        var (readyStatus, ready) = await factory.CreateClient().GetJsonAsync("/ready");
        var (_, info) = await factory.CreateClient().GetJsonAsync("/");
        var keys = await redis.CliAsync("--scan", "--pattern", $"*{studentId}*");

        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("healthy", ready.Path("dependencies.redis.status").GetString());
        Assert.Equal("healthy", ready.Path("dependencies.silo.status").GetString());
        Assert.Equal("redis", info.Path("mode.storage").GetString());
        Assert.Contains(studentId, keys);
    }
}
