using MasteryEngine.Grains;
using MasteryEngine.Silo.Redis;
using MasteryEngine.Testing;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Redis.Tests;

/// <summary>
/// The audit log on a sharded 3-master Redis Cluster: its script touches two keys, which works only because
/// both share the hash tag <c>{compliance}</c> (otherwise Redis refuses it with CROSSSLOT).
/// </summary>
public sealed class RedisClusterComplianceAuditLogTests(RedisClusterFixture fixture)
    : ComplianceAuditLogConformanceTests, IClassFixture<RedisClusterFixture>, IAsyncLifetime
{
    private readonly List<SharedRedisConnection> connections = [];
    private readonly string prefix = "t" + Guid.NewGuid().ToString("N")[..8] + ":";

    protected override IComplianceAuditLog NewLog(TimeProvider clock, int retentionDays = 365)
    {
        var redisOptions = Options.Create(new RedisOptions { Host = fixture.Cluster.Hosts, KeyPrefix = prefix });
        var connection = new SharedRedisConnection(redisOptions);
        connections.Add(connection);
        return new RedisComplianceAuditLog(connection, redisOptions, Options.Create(new ComplianceAuditOptions { RetentionDays = retentionDays }), clock);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }
}
