namespace MasteryEngine.Redis.Tests;

/// <summary>
/// The audit log on a sharded 3-master Redis Cluster: its script touches two keys, which works only because
/// both share the hash tag <c>{compliance}</c> (otherwise Redis refuses it with CROSSSLOT).
/// </summary>
public sealed class RedisClusterComplianceAuditLogTests(RedisClusterFixture fixture)
    : RedisComplianceAuditLogSuite, IClassFixture<RedisClusterFixture>
{
    protected override string Hosts => fixture.Cluster.Hosts;
}
