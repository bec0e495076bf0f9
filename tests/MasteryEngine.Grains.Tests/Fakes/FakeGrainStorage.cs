using System.Collections.Concurrent;
using System.Text.Json;
using MasteryEngine.Grains;

namespace MasteryEngine.Grains.Tests.Fakes;

/// <summary>
/// Stored records shared by every <see cref="FakePersistentState{T}"/> built on it (two hosts on one storage are
/// two silos): JSON through the grains' own source-generated context, ETag-checked like a real provider.
/// </summary>
public sealed class FakeGrainStorage
{
    private readonly ConcurrentDictionary<string, (string Json, string Etag)> records = new();
    private int version;

    public static JsonSerializerOptions JsonOptions { get; } = new() { TypeInfoResolver = MasteryStateJsonContext.Default };

    /// <summary>Set to make the next write fail with this exception (storage outage).</summary>
    public Exception? FailNextWrite { get; set; }

    /// <summary>Set to make this many next writes fail as if another silo had written first.</summary>
    public int ConflictNextWrites { get; set; }

    /// <summary>Records whose every write conflicts (a silo that always loses).</summary>
    public ConcurrentDictionary<string, bool> AlwaysConflicting { get; } = new();

    public int Writes { get; private set; }

    public bool Contains(string key) => records.ContainsKey(key);

    public string? JsonOf(string key) => records.TryGetValue(key, out var record) ? record.Json : null;

    public (string Json, string Etag)? Read(string key) => records.TryGetValue(key, out var record) ? record : null;

    public string Write(string key, string json, string? expectedEtag)
    {
        if (FailNextWrite is { } failure)
        {
            FailNextWrite = null;
            throw failure;
        }

        lock (records)
        {
            var stored = records.TryGetValue(key, out var record) ? record.Etag : null;
            if (ConflictNextWrites > 0 || AlwaysConflicting.ContainsKey(key))
            {
                ConflictNextWrites = Math.Max(0, ConflictNextWrites - 1);
                throw new Runtime.Storage.InconsistentStateException("Injected conflict.", stored, expectedEtag);
            }

            if (stored != expectedEtag)
            {
                throw new Runtime.Storage.InconsistentStateException("Stale ETag.", stored, expectedEtag);
            }

            var etag = Interlocked.Increment(ref version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            records[key] = (json, etag);
            Writes++;
            return etag;
        }
    }

    public void Clear(string key, string? expectedEtag)
    {
        lock (records)
        {
            var stored = records.TryGetValue(key, out var record) ? record.Etag : null;
            if (stored != expectedEtag)
            {
                throw new Runtime.Storage.InconsistentStateException("Stale ETag.", stored, expectedEtag);
            }

            records.TryRemove(key, out _);
        }
    }
}
