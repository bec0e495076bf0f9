using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace MasteryEngine.Testing;

/// <summary>
/// Grain storage that several silos in one test process share, as pods share Redis; Orleans' own memory storage
/// lives in grains of one cluster and cannot be shared. It keeps each record as its serialized bytes with an ETag
/// and refuses stale ETags like a real provider, so a silo sees another's writes only by reading them.
/// </summary>
public sealed class SharedMemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<string, (BinaryData Data, string ETag)> records = new(StringComparer.Ordinal);
    private readonly Lock writes = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (records.TryGetValue(Key(stateName, grainId), out var record))
        {
            grainState.State = serializer.Deserialize<T>(record.Data);
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State);
        lock (writes)
        {
            var key = Key(stateName, grainId);
            CheckETag(key, grainState.ETag);
            var etag = Guid.NewGuid().ToString("N");
            records[key] = (data, etag);
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (writes)
        {
            var key = Key(stateName, grainId);
            CheckETag(key, grainState.ETag);
            records.TryRemove(key, out _);
            grainState.ETag = null;
            grainState.RecordExists = false;
            grainState.State = Activator.CreateInstance<T>();
        }

        return Task.CompletedTask;
    }

    private void CheckETag(string key, string? expected)
    {
        var stored = records.TryGetValue(key, out var record) ? record.ETag : null;
        if (stored != expected)
        {
            throw new InconsistentStateException($"Stale ETag for {key}: stored {stored ?? "none"}, given {expected ?? "none"}.", stored, expected);
        }
    }

    private static string Key(string stateName, GrainId grainId) => $"{grainId}/{stateName}";
}
