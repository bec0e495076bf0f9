using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Kafka.Tests;

/// <summary>Storage that is "down" for the first writes of chosen grains, then works.</summary>
internal sealed class FlakyGrainStorage(IGrainStorage inner, Func<GrainId, bool> affected, int failingWrites) : IGrainStorage
{
    private readonly int failingWrites = failingWrites;
    private int failuresLeft = failingWrites;

    public int Failures => failingWrites - Math.Max(0, Volatile.Read(ref failuresLeft));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new() =>
        inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new()
    {
        if (affected(grainId) && Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            throw new StorageUnavailableException("Storage is down (test).");
        }

        return inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new() =>
        inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken);
}
