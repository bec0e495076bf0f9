using System.Net;
using MasteryEngine.Silo.Redis;
using StackExchange.Redis;

namespace MasteryEngine.Redis.Tests;

public sealed class RedisOptionsTests
{
    [Theory]
    [InlineData("redis:6379", "redis", 6379)]
    [InlineData("redis", "redis", 6379)]
    [InlineData(" 10.0.0.5:7000 ", "10.0.0.5", 7000)]
    [InlineData("[::1]:6380", "::1", 6380)]
    [InlineData("[::1]", "::1", 6379)]
    public void A_host_without_a_port_gets_6379(string host, string expectedHost, int expectedPort)
    {
        Assert.True(new RedisOptions { Host = host }.TryGetEndpoints(out var endpoints));

        Assert.Equal([(expectedHost, expectedPort)], endpoints);
    }

    [Fact]
    public void Several_comma_separated_hosts_are_all_endpoints()
    {
        var configuration = new RedisOptions { Host = "a:7000,b:7001, c" }.ToConfigurationOptions();

        Assert.Equal(["a:7000", "b:7001", "c:6379"], configuration.EndPoints.Select(EndPointText));
    }

    [Theory]
    [InlineData("")]
    [InlineData("redis:")]
    [InlineData("redis:0")]
    [InlineData("redis:70000")]
    [InlineData("a:1,,b:2")]
    [InlineData("my redis:6379")]
    public void A_malformed_host_is_refused_naming_REDIS_HOST(string host)
    {
        var result = new RedisOptionsValidator().Validate(null, new RedisOptions { Host = host });

        Assert.True(result.Failed);
        Assert.Contains("REDIS_HOST", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_tls_database_and_timeouts_reach_the_client_configuration()
    {
        var configuration = new RedisOptions
        {
            Host = "redis:6380",
            User = "mastery",
            Password = "secret",
            Tls = true,
            Database = 3,
            CommandTimeout = TimeSpan.FromSeconds(2),
            ConnectTimeout = TimeSpan.FromSeconds(4),
        }.ToConfigurationOptions();

        Assert.Equal("mastery", configuration.User);
        Assert.Equal("secret", configuration.Password);
        Assert.True(configuration.Ssl);
        Assert.Equal(3, configuration.DefaultDatabase);
        Assert.Equal(2000, configuration.AsyncTimeout);
        Assert.Equal(4000, configuration.ConnectTimeout);
    }

    [Fact]
    public void Commands_fail_fast_while_disconnected_and_a_down_server_does_not_stop_the_start()
    {
        var configuration = new RedisOptions().ToConfigurationOptions();

        Assert.Same(BacklogPolicy.FailFast, configuration.BacklogPolicy);
        Assert.False(configuration.AbortOnConnectFail);
    }

    [Theory]
    [InlineData("mastery", null, "REDIS_USER")]
    [InlineData(null, null, null)]
    public void An_acl_user_needs_a_password(string? user, string? password, string? expectedVariable)
    {
        var result = new RedisOptionsValidator().Validate(null, new RedisOptions { User = user, Password = password });

        Assert.Equal(expectedVariable is not null, result.Failed);
        if (expectedVariable is not null)
        {
            Assert.Contains(expectedVariable, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(16, true)]
    [InlineData(15, false)]
    public void The_database_must_be_0_to_15(int database, bool fails) =>
        Assert.Equal(fails, new RedisOptionsValidator().Validate(null, new RedisOptions { Database = database }).Failed);

    [Theory]
    [InlineData("me:", false)]
    [InlineData("me{x}:", true)]
    public void A_key_prefix_must_not_change_the_hash_tag(string prefix, bool fails) =>
        Assert.Equal(fails, new RedisOptionsValidator().Validate(null, new RedisOptions { KeyPrefix = prefix }).Failed);

    private static string EndPointText(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        IPEndPoint ip => $"{ip.Address}:{ip.Port}",
        _ => endpoint.ToString() ?? "",
    };
}
