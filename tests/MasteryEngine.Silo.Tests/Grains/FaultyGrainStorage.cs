using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Silo.Tests.Grains;

/// <summary>Storage whose reads fail when <see cref="ActivationFaults"/> plans it (step "read"), else memory-backed.</summary>
public sealed class FaultyGrainStorage(IGrainStorage inner, ActivationFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new()
    {
        faults.ThrowIfPlanned(grainId.Key, "read");
        return inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new() => inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new() => inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken);
}
