using MasteryEngine.Silo.Redis.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MasteryEngine.Silo.Redis;

/// <summary>Readiness: Redis answers PING within a short timeout.</summary>
public sealed class RedisHealthCheck(RedisMultiplexer redis, TimeProvider timeProvider) : IHealthCheck
{
    public const string Name = "redis";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly RedisCommand Ping = RedisCommand.Create("PING");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.ExecuteAsync(Ping, cancellationToken).WaitAsync(Timeout, timeProvider, cancellationToken);
            return HealthCheckResult.Healthy("Redis answers PING.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis is unavailable: {e.Message}", e);
        }
    }
}
