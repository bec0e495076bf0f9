using MasteryEngine.Grains;
using MasteryEngine.Silo.Redis;
using MasteryEngine.Testing;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Redis.Tests;

/// <summary>
/// The audit-log conformance suite on a Redis at <see cref="Hosts"/>: each log gets a connection of its own under
/// this test's key prefix, and every connection is closed after the test.
/// </summary>
public abstract class RedisComplianceAuditLogSuite : ComplianceAuditLogConformanceTests, IAsyncLifetime
{
    private readonly List<SharedRedisConnection> connections = [];

    protected string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..8] + ":";

    protected abstract string Hosts { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    protected override IComplianceAuditLog NewLog(TimeProvider clock, int retentionDays = 365) => NewLog(clock, Prefix, retentionDays);

    protected RedisComplianceAuditLog NewLog(TimeProvider clock, string keyPrefix, int retentionDays = 365)
    {
        var redisOptions = Options.Create(new RedisOptions { Host = Hosts, KeyPrefix = keyPrefix });
        var connection = new SharedRedisConnection(redisOptions);
        connections.Add(connection);
        return new RedisComplianceAuditLog(connection, redisOptions, Options.Create(new ComplianceAuditOptions { RetentionDays = retentionDays }), clock);
    }
}
