using System.Collections.Concurrent;
using System.Globalization;
using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Silo.Storage;

/// <summary>
/// Grain storage in process memory: the development and test default. It serializes like a remote store, so a
/// stored record never shares objects with a live activation, and every write and clear is an atomic
/// compare-and-set on the ETag.
/// </summary>
public sealed class MemoryGrainStorage(IGrainStateSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredRecord> records = new();
    private long version;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new()
    {
        if (records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = serializer.Deserialize<T>(record.Data);
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = new T();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new()
    {
        var key = (stateName, grainId);
        var written = new StoredRecord(serializer.Serialize(grainState.State), NextETag());
        var expected = grainState.ETag;
        var stored = string.IsNullOrEmpty(expected)
            ? records.TryAdd(key, written)
            : records.TryGetValue(key, out var current) && current.ETag == expected && records.TryUpdate(key, written, current);
        if (!stored)
        {
            throw Conflict("write", stateName, grainId, expected);
        }

        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new()
    {
        var key = (stateName, grainId);
        var expected = grainState.ETag;
        bool cleared;
        if (records.TryGetValue(key, out var current))
        {
            cleared = current.ETag == expected && records.TryRemove(KeyValuePair.Create(key, current));
        }
        else
        {
            cleared = string.IsNullOrEmpty(expected);
        }

        if (!cleared)
        {
            throw Conflict("clear", stateName, grainId, expected);
        }

        grainState.State = new T();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string NextETag() => Interlocked.Increment(ref version).ToString("x", CultureInfo.InvariantCulture);

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? expected)
    {
        var stored = records.TryGetValue((stateName, grainId), out var record) ? record.ETag : null;
        return new InconsistentStateException(
            $"Memory storage {operation} of state '{stateName}' for {grainId} rejected: stored ETag '{stored}', caller's ETag '{expected}'.",
            stored,
            expected);
    }

    private sealed record StoredRecord(byte[] Data, string ETag);
}
