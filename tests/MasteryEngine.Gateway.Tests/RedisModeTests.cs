using System.Globalization;
using System.Net;
using System.Text.Json;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests;

/// <summary>
/// STORAGE_PROVIDER=redis: the gateway's co-hosted silo clusters and stores through Orleans' Redis providers. A
/// calculation lands in <c>student:{id}:state</c>, responses name their silo, and a Redis outage is a 503 with
/// Retry-After and a failing /ready until Redis is back. It kills its server, so it has one of its own.
/// </summary>
public sealed class RedisModeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_calculation_is_stored_in_redis_and_an_outage_answers_503_then_recovers()
    {
        // Durable like production: a restarted Redis still holds the membership table, not only the state.
        await using var server = await RedisServerProcess.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        await using var factory = GatewayFactory.OnRedis(server.HostAndPort, "gateway-test-" + Guid.NewGuid().ToString("N")[..8]);
        var student = TestTokens.NewId("student");
        var admin = factory.ClientFor(TestTokens.Admin());

        await admin.CalculateAsync(student, 0.8, 0.8, 0.8, 0.8);

        var key = $"student:{{{student}}}:state";
        Assert.Equal("hash", await server.CliAsync("TYPE", key));
        using (var state = JsonDocument.Parse(await server.CliAsync("HGET", key, "data")))
        {
            Assert.Equal(JsonValueKind.Object, state.RootElement.ValueKind);
        }

        Assert.InRange(long.Parse(await server.CliAsync("TTL", key), CultureInfo.InvariantCulture), 89L * 86400, 90L * 86400);
        var ready = await factory.CreateClient().GetAsync(new Uri("/ready", UriKind.Relative));
        Assert.False(string.IsNullOrEmpty(ready.Headers.GetValues("X-Served-By").Single()));

        await server.KillAsync();
        try
        {
            var refused = await Eventually.UntilAsync(
                () => admin.PostAsync(new Uri("/api/v1/mastery/calculate", UriKind.Relative), Calculation(student)),
                response => response.StatusCode == HttpStatusCode.ServiceUnavailable,
                "calculate refused while Redis is down",
                Patience);
            Assert.NotNull(refused.Headers.RetryAfter);
            var notReady = await Eventually.UntilAsync(
                () => factory.CreateClient().GetAsync(new Uri("/ready", UriKind.Relative)),
                response => response.StatusCode == HttpStatusCode.ServiceUnavailable,
                "/ready reports Redis down",
                Patience);
            Assert.Contains("redis", await notReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await server.RestartAsync();
        }

        await Eventually.UntilAsync(
            () => admin.PostAsync(new Uri("/api/v1/mastery/calculate", UriKind.Relative), Calculation(student)),
            response => response.StatusCode == HttpStatusCode.OK,
            "calculate succeeds again once Redis is back",
            Patience);
    }

    private static StringContent Calculation(string student) => new(
        $$"""{"student_id": "{{student}}", "components": {"completion": 0.5, "quiz": 0.5, "quality": 0.5, "consistency": 0.5} }""",
        System.Text.Encoding.UTF8,
        "application/json");
}
