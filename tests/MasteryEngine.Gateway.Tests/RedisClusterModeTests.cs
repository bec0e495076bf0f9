using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests;

/// <summary>
/// The gateway on a real sharded Redis (a 3-master Redis Cluster on loopback): what it writes through the API is
/// read back through a fresh gateway, and the state keys are spread over the masters, each found by
/// <c>redis-cli --scan --pattern 'student:*'</c> on its master.
/// </summary>
public sealed class RedisClusterModeTests
{
    [Fact]
    public async Task Writes_through_the_api_are_read_back_through_a_fresh_gateway_and_keys_spread_over_the_masters()
    {
        await using var cluster = await RedisClusterProcess.StartAsync();
        var clusterId = "cluster-test-" + Guid.NewGuid().ToString("N")[..8];
        var students = Enumerable.Range(0, 12).Select(_ => TestTokens.NewId("student")).ToArray();
        var written = new Dictionary<string, double>();
        await using (var first = GatewayFactory.OnRedis(cluster.Hosts, clusterId))
        {
            var admin = first.ClientFor(TestTokens.Admin());
            for (var i = 0; i < students.Length; i++)
            {
                var result = await admin.CalculateAsync(students[i], 0.5 + (i * 0.04), 0.6, 0.7, 0.8);
                written[students[i]] = result.GetProperty("mastery_score").GetDouble();
            }
        }

        await using (var fresh = GatewayFactory.OnRedis(cluster.Hosts, clusterId))
        {
            var admin = fresh.ClientFor(TestTokens.Admin());
            foreach (var student in students)
            {
                var read = await admin.QueryAsync(student);
                Assert.Equal(written[student], read.Path("current_mastery.mastery_score").GetDouble(), 9);
            }
        }

        var keysByMaster = new List<string[]>();
        foreach (var master in cluster.Masters)
        {
            keysByMaster.Add((await master.CliAsync("--scan", "--pattern", "student:*")).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        Assert.Equal(students.Select(s => $"student:{{{s}}}:state").Order(), keysByMaster.SelectMany(keys => keys).Order());
        Assert.True(keysByMaster.Count(keys => keys.Length > 0) >= 2, "the keys should be spread over the masters");
        Assert.Equal("hash", await cluster.CliAsync("TYPE", $"student:{{{students[0]}}}:state"));
    }

}
