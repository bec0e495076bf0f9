using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Silo.Storage;

/// <summary>One named state of one grain, bound to a storage provider (Orleans' <c>PersistentState&lt;T&gt;</c>).</summary>
public sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage)
    : IPersistentState<TState>, IPersistentStateLoader
    where TState : new()
{
    private readonly GrainState<TState> grainState = new();

    public TState State
    {
        get => grainState.State;
        set => grainState.State = value;
    }

    public string? Etag => grainState.ETag;

    public bool RecordExists => grainState.RecordExists;

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        storage.ReadStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        storage.WriteStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task ClearStateAsync(CancellationToken cancellationToken = default) =>
        storage.ClearStateAsync(stateName, grainId, grainState, cancellationToken);
}
