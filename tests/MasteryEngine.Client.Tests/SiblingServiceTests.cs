using System.Globalization;
using MasteryEngine.Testing;

namespace MasteryEngine.Client.Tests;

/// <summary>
/// A headless silo (<c>dotnet run --project Silo</c>) in one process, the sample sibling service in another: the
/// sample's Orleans client finds the silo's gateway, applies an event on the student's grain and reads the mastery
/// that the grain computed.
/// </summary>
public sealed class SiblingServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_sample_sibling_service_calls_the_student_grain_of_a_silo_in_another_process()
    {
        var gatewayPort = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        var cluster = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ORLEANS_GATEWAY_PORT"] = gatewayPort,
        };
        await using var silo = DotnetProcess.Start("MasteryEngine.Silo.dll", new Dictionary<string, string>(cluster)
        {
            ["STREAM_PROVIDER"] = "memory",
            ["ORLEANS_SILO_PORT"] = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
        });
        await Eventually.UntilAsync(() => silo.Output.Contains("Application started", StringComparison.Ordinal), Patience, "the silo started:\n" + silo.Output);

        await using var sibling = DotnetProcess.Start("MasteryEngine.Samples.SiblingService.dll", cluster, "student_sibling_1");
        var exitCode = await sibling.WaitForExitAsync(Patience);

        Assert.True(exitCode == 0, sibling.Output);
        // One exercise.completed of 4: completion 0.25 and one active day of 14; 0.4 × 0.25 + 0.1 × 1/14 = 0.107 (novice).
        Assert.Contains("student_sibling_1: applied=True mastery=0.107 level=Novice completion=0.25", sibling.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_storage_on_redis_the_sibling_finds_the_silo_through_the_redis_membership_table()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        var cluster = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["STORAGE_PROVIDER"] = "redis",
            ["REDIS_HOST"] = redis.HostAndPort,
            ["ORLEANS_CLUSTER_ID"] = "sibling-" + Guid.NewGuid().ToString("N")[..8],
        };
        // The silo's gateway port is its own: the client learns it from the membership table, not from configuration.
        await using var silo = DotnetProcess.Start("MasteryEngine.Silo.dll", new Dictionary<string, string>(cluster)
        {
            ["STREAM_PROVIDER"] = "memory",
            ["ORLEANS_SILO_PORT"] = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["ORLEANS_GATEWAY_PORT"] = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
        });
        await Eventually.UntilAsync(() => silo.Output.Contains("Application started", StringComparison.Ordinal), Patience, "the silo started:\n" + silo.Output);

        await using var sibling = DotnetProcess.Start("MasteryEngine.Samples.SiblingService.dll", cluster, "student_sibling_redis");
        var exitCode = await sibling.WaitForExitAsync(Patience);

        Assert.True(exitCode == 0, sibling.Output);
        Assert.Contains("student_sibling_redis: applied=True mastery=0.107 level=Novice completion=0.25", sibling.Output, StringComparison.Ordinal);
        Assert.Equal("hash", await redis.CliAsync("TYPE", "student:{student_sibling_redis}:state"));
    }
}
