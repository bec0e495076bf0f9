using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace MasteryEngine.Silo.Redis;

/// <summary>Readiness: Redis answers PING within a short timeout.</summary>
public sealed class RedisHealthCheck(SharedRedisConnection redis, TimeProvider timeProvider) : IHealthCheck
{
    public const string Name = "redis";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var multiplexer = await redis.GetAsync().WaitAsync(Timeout, timeProvider, cancellationToken);
            var roundTrip = await multiplexer.GetDatabase().PingAsync().WaitAsync(Timeout, timeProvider, cancellationToken);
            return HealthCheckResult.Healthy($"Redis answers PING in {roundTrip.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis is unavailable: {e.Message}", e);
        }
    }
}
