using MasteryEngine.Silo.Redis;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary><c>REDIS_HOST</c> as docs/redis.md describes it: host:port, a host alone for 6379, anything else refused.</summary>
public sealed class RedisHostSettingTests
{
    [Theory]
    [InlineData("redis", "redis", 6379)]
    [InlineData("redis:6380", "redis", 6380)]
    [InlineData(" 127.0.0.1:6390 ", "127.0.0.1", 6390)]
    [InlineData("[::1]:6379", "::1", 6379)]
    [InlineData("[::1]", "::1", 6379)]
    public void A_host_with_or_without_a_port_is_understood(string setting, string host, int port)
    {
        var options = new RedisOptions { Host = setting };

        Assert.True(options.TryGetEndpoint(out var parsedHost, out var parsedPort));
        Assert.Equal((host, port), (parsedHost, parsedPort));
        Assert.True(new RedisOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("redis:")]
    [InlineData("redis:notaport")]
    [InlineData("redis:70000")]
    public void Anything_else_is_refused_naming_the_setting(string setting)
    {
        var result = new RedisOptionsValidator().Validate(null, new RedisOptions { Host = setting });

        Assert.True(result.Failed);
        Assert.Contains("REDIS_HOST", result.FailureMessage, StringComparison.Ordinal);
    }
}
