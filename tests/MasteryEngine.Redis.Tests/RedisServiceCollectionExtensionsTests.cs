using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Redis;
using MasteryEngine.Silo.Storage;
using MasteryEngine.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Redis.Tests;

public class RedisServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, string name = "Default")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IGrainStateSerializer>(new JsonGrainStateSerializer([]))
            .AddRedisGrainStorage(configuration, name)
            .BuildServiceProvider();
    }

    [Fact]
    public void The_seeds_environment_variables_configure_the_client()
    {
        using var services = Build(new()
        {
            ["REDIS_HOST"] = "redis-master:6380",
            ["REDIS_PASSWORD"] = "pw",
            ["REDIS_USER"] = "app",
            ["REDIS_TLS"] = "true",
            ["REDIS_DATABASE"] = "2",
            ["REDIS_KEY_PREFIX"] = "me:",
            ["GDPR_RETENTION_DAYS"] = "30",
        });

        var options = services.GetRequiredService<IOptions<RedisOptions>>().Value;

        Assert.Equal("redis-master:6380", options.Host);
        Assert.Equal(("pw", "app", true, 2, "me:", 30), (options.Password, options.User, options.Tls, options.Database, options.KeyPrefix, options.RetentionDays));
        Assert.Equal(TimeSpan.FromDays(30), options.RetentionFor("student"));
        Assert.Equal(TimeSpan.FromDays(1), options.RetentionFor("batch"));
    }

    [Theory]
    [InlineData("REDIS_HOST", "redis:notaport", "REDIS_HOST")]
    [InlineData("REDIS_DATABASE", "99", "REDIS_DATABASE")]
    [InlineData("GDPR_RETENTION_DAYS", "0", "GDPR_RETENTION_DAYS")]
    [InlineData("REDIS_USER", "app", "REDIS_PASSWORD")]
    [InlineData("REDIS_KEY_PREFIX", "{x}", "REDIS_KEY_PREFIX")]
    public void Invalid_settings_fail_with_a_message_naming_the_variable(string variable, string value, string named)
    {
        using var services = Build(new() { [variable] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RedisOptions>>().Value);

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task The_storage_is_registered_under_its_name()
    {
        await using var services = Build(new(), name: "students");

        Assert.IsType<RedisGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("students"));
    }

    [Fact]
    public async Task The_readiness_check_named_redis_follows_the_server()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var services = Build(new() { ["REDIS_HOST"] = server.HostAndPort });
        var health = services.GetRequiredService<HealthCheckService>();

        await Eventually.UntilAsync(async () =>
            (await health.CheckHealthAsync(check => check.Tags.Contains("ready"))).Entries["redis"].Status == HealthStatus.Healthy, RedisTestClients.Patience, "the check reports Redis up");

        await server.KillAsync();

        await Eventually.UntilAsync(async () =>
            (await health.CheckHealthAsync(check => check.Tags.Contains("ready"))).Entries["redis"].Status == HealthStatus.Unhealthy, RedisTestClients.Patience, "the check reports Redis down");
        Assert.Contains("Redis is unavailable", (await health.CheckHealthAsync()).Entries["redis"].Description);
    }
}
