using MasteryEngine.Silo.Storage;
using Orleans.Runtime;
using Orleans.Storage;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MasteryEngine.Silo.Resilience;

/// <summary>
/// Wraps a grain storage provider in a timeout and a circuit breaker. While storage keeps failing, calls fail at
/// once with <see cref="StorageUnavailableException"/> (which the API turns into 503 + Retry-After) instead of
/// each waiting for its own timeout; conflicts (<see cref="InconsistentStateException"/>) pass through uncounted.
/// Orleans has no storage decorator of its own; the inner provider still joins the silo lifecycle through this one.
/// </summary>
public sealed class CircuitBreakingGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly IGrainStorage inner;
    private readonly string name;
    private readonly ResiliencePipeline pipeline;

    public CircuitBreakingGrainStorage(IGrainStorage inner, string name, StorageCircuitBreakerOptions options, CircuitBreakerStates states, TimeProvider timeProvider)
    {
        this.inner = inner;
        this.name = name;
        pipeline = new ResiliencePipelineBuilder { Name = name, TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<StorageUnavailableException>().Handle<TimeoutRejectedException>(),
                StateProvider = states.Register(name),
            })
            .AddTimeout(options.Timeout)
            .Build();
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        RunAsync(token => inner.ReadStateAsync(stateName, grainId, grainState, token), cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        RunAsync(token => inner.WriteStateAsync(stateName, grainId, grainState, token), cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        RunAsync(token => inner.ClearStateAsync(stateName, grainId, grainState, token), cancellationToken);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private async Task RunAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.ExecuteAsync(static async (operation, token) => await operation(token), operation, cancellationToken);
        }
        catch (BrokenCircuitException exception)
        {
            throw new StorageUnavailableException(
                $"Storage '{name}' is failing; its circuit breaker is open and calls are refused for a while.", exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new StorageUnavailableException($"Storage '{name}' did not answer within the timeout.", exception);
        }
    }
}
