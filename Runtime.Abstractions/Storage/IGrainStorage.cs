namespace MasteryEngine.Runtime.Storage;

/// <summary>
/// A storage provider, with Orleans' contract:
/// <list type="bullet">
/// <item>Read: fills State, ETag and RecordExists; a missing record leaves State at a new <typeparamref name="T"/>,
/// ETag null and RecordExists false.</item>
/// <item>Write: succeeds only when the stored ETag equals <see cref="IGrainState{T}.ETag"/> (null/empty means
/// "no record must exist"); on success sets a new ETag and RecordExists = true; otherwise throws
/// <see cref="InconsistentStateException"/> and changes nothing.</item>
/// <item>Clear: ETag-checked like a write; deletes the record (no tombstone), resets State to a new <typeparamref name="T"/>,
/// sets RecordExists = false and ETag = null.
/// Clearing a missing record with a null ETag succeeds.</item>
/// <item>The provider never retries on a conflict: callers re-read and re-decide.</item>
/// </list>
/// </summary>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new();

    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new();

    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new();
}
