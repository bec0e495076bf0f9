using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests;

/// <summary>
/// STORAGE_PROVIDER=redis: exports and erasures are appended to the audit streams in Redis, the API pages them,
/// and a Redis outage is a 503 with Retry-After for the audit as for everything else. It kills its server, so it
/// has one of its own.
/// </summary>
public sealed class RedisModeAuditTests
{
    [Fact]
    public async Task Exports_and_an_erasure_are_appended_to_the_redis_streams_and_paged_through_the_api()
    {
        // Durable, so the restarted server still holds the membership table the silo leaves on shutdown.
        await using var server = await RedisServerProcess.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        await using var factory = GatewayFactory.OnRedis(server.HostAndPort, "audit-test-" + Guid.NewGuid().ToString("N")[..8]);
        var student = TestTokens.NewId("student");
        var admin = factory.ClientFor(TestTokens.Admin("admin_redis"));
        await admin.CalculateAsync(student, 0.5, 0.5, 0.5, 0.5);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetJsonAsync($"/api/v1/compliance/export/{student}")).Status);
        }

        var (erased, erasure) = await admin.SendAsync(HttpMethod.Delete, $"/api/v1/compliance/student/{student}");
        var (_, first) = await admin.GetJsonAsync($"/api/v1/compliance/audit?student_id={student}&limit=3");
        var (_, second) = await admin.GetJsonAsync($"/api/v1/compliance/audit?student_id={student}&limit=3&cursor={first.GetProperty("next_cursor").GetString()}");

        Assert.Equal(HttpStatusCode.OK, erased);
        var actions = first.GetProperty("data").EnumerateArray().Concat(second.GetProperty("data").EnumerateArray())
            .Select(record => record.GetProperty("action").GetString()).ToList();
        Assert.Equal(["erasure", "export", "export", "export"], actions);
        Assert.Equal(erasure.Path("data.audit_id").GetString(), first.GetProperty("data")[0].GetProperty("audit_id").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        Assert.Equal("stream", await server.CliAsync("TYPE", "audit:{compliance}:log"));
        Assert.Equal("4", await server.CliAsync("XLEN", "audit:{compliance}:student:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(student)))));
        Assert.Contains("\"action\":\"erasure\"", await server.CliAsync("XREVRANGE", "audit:{compliance}:log", "+", "-", "COUNT", "1"), StringComparison.Ordinal);

        await server.KillAsync();
        try
        {
            using var refused = await Eventually.UntilAsync(
                () => admin.GetAsync(new Uri($"/api/v1/compliance/audit?student_id={student}", UriKind.Relative)),
                response => response.StatusCode != HttpStatusCode.OK,
                "the audit read refused while Redis is down",
                TimeSpan.FromSeconds(60));
            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(refused.Headers.RetryAfter);
        }
        finally
        {
            // The silo leaves its Redis membership table on shutdown: give it back its server.
            await server.RestartAsync();
        }
    }
}
