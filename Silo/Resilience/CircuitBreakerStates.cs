using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Polly.CircuitBreaker;

namespace MasteryEngine.Silo.Resilience;

/// <summary>
/// The circuit breakers of this process, by name, exposed as <c>circuit_breaker_state{name}</c> (meter
/// <c>MasteryEngine.Resilience</c>): 0 closed, 1 open, 2 half-open, 3 isolated, Polly's <see cref="CircuitState"/>.
/// </summary>
public sealed class CircuitBreakerStates
{
    public const string MeterName = "MasteryEngine.Resilience";

    private readonly ConcurrentDictionary<string, CircuitBreakerStateProvider> breakers = new(StringComparer.Ordinal);

    public CircuitBreakerStates(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("circuit_breaker_state", Observe,
            description: "Circuit breaker state by name: 0 closed, 1 open, 2 half-open, 3 isolated.");
    }

    public CircuitBreakerStateProvider Register(string name) => breakers.GetOrAdd(name, _ => new CircuitBreakerStateProvider());

    public IReadOnlyDictionary<string, CircuitState> Current() =>
        breakers.ToDictionary(entry => entry.Key, entry => entry.Value.CircuitState, StringComparer.Ordinal);

    private IEnumerable<Measurement<int>> Observe() =>
        breakers.Select(entry => new Measurement<int>((int)entry.Value.CircuitState, new KeyValuePair<string, object?>("name", entry.Key)));
}
