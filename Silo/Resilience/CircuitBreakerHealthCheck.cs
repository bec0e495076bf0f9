using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly.CircuitBreaker;

namespace MasteryEngine.Silo.Resilience;

/// <summary>
/// Shows open breakers in <c>/ready</c> as Degraded: the dependency's own check decides readiness, this one says
/// why calls are being refused.
/// </summary>
public sealed class CircuitBreakerHealthCheck(CircuitBreakerStates states) : IHealthCheck
{
    public const string Name = "circuit-breakers";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = states.Current();
        var open = current.Where(b => b.Value is CircuitState.Open or CircuitState.Isolated).Select(b => b.Key).ToList();
        var data = current.ToDictionary(b => b.Key, b => (object)b.Value.ToString().ToLowerInvariant());
        return Task.FromResult(open.Count == 0
            ? HealthCheckResult.Healthy("All circuits closed.", data)
            : HealthCheckResult.Degraded("Open circuit: " + string.Join(", ", open) + ".", data: data));
    }
}
