using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Redis.Tests.Grains;

public interface ISharedCounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();
}

public sealed class SharedCounterState
{
    public int Value { get; set; }
}

/// <summary>A counter that several silos may host at once; a conflicting write reloads and re-applies.</summary>
[GrainType("shared-counter")]
public sealed class SharedCounterGrain([PersistentState("state")] IPersistentState<SharedCounterState> counter) : Grain, ISharedCounterGrain
{
    private const int MaxAttempts = 200;

    public async Task<int> IncrementAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            counter.State.Value++;
            try
            {
                await counter.WriteStateAsync();
                return counter.State.Value;
            }
            catch (InconsistentStateException) when (attempt < MaxAttempts)
            {
                // Another silo wrote first: take its result and apply this increment on top of it.
                await counter.ReadStateAsync();
            }
        }
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Value);
}
