using MasteryEngine.Silo.Storage;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace MasteryEngine.Kafka.Tests;

/// <summary>Storage that is "down" for the first writes of chosen grains, then works.</summary>
internal sealed class FlakyGrainStorage(IGrainStorage inner, Func<GrainId, bool> affected, int failingWrites) : IGrainStorage
{
    private readonly int failingWrites = failingWrites;
    private int failuresLeft = failingWrites;

    public int Failures => failingWrites - Math.Max(0, Volatile.Read(ref failuresLeft));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (affected(grainId) && Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            throw new StorageUnavailableException("Storage is down (test).");
        }

        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
