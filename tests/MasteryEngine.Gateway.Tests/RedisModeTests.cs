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

    [Fact]
    public async Task Redis_outage_answers_503_with_retry_after_loses_nothing_and_recovers_by_itself()
    {
        await using var redis = await RedisServerProcess.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        await using var factory = new GatewayFactory("Development", new Dictionary<string, string?>
        {
            ["STORAGE_PROVIDER"] = "redis",
            ["REDIS_HOST"] = redis.HostAndPort,
        });
        var admin = factory.ClientFor(TestTokens.Admin());
        var stored = TestTokens.NewId("student");
        await admin.CalculateAsync(stored, 0.85, 0.90, 0.85, 0.82);

        await redis.KillAsync();
        var write = await admin.PostJsonAsync("/api/v1/mastery/calculate", CalculateBody(TestTokens.NewId("student")));
        var (readyStatus, ready) = await factory.CreateClient().GetJsonAsync("/ready");

        await write.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(write.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.NotEqual("healthy", ready.Path("dependencies.redis.status").GetString());

        await redis.RestartAsync();
        await Eventually.UntilAsync(
            async () => (await factory.CreateClient().GetJsonAsync("/ready")).Status,
            status => status == HttpStatusCode.OK,
            "readiness back to 200 once Redis is back");
        await Eventually.UntilAsync(
            async () => (await admin.PostJsonAsync("/api/v1/mastery/calculate", CalculateBody(TestTokens.NewId("student")))).StatusCode,
            status => status == HttpStatusCode.OK,
            "writes accepted again once Redis is back");
        var survivor = await admin.QueryAsync(stored);
        Assert.Equal(0.862, survivor.Path("current_mastery.mastery_score").GetDouble(), 6);
    }

    private static string CalculateBody(string studentId) =>
        $$$"""{"student_id": "{{{studentId}}}", "components": {"completion": 0.5, "quiz": 0.5, "quality": 0.5, "consistency": 0.5}}""";
}
