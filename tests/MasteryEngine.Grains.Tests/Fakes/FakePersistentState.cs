using System.Text.Json;
using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Grains.Tests.Fakes;

public sealed class FakePersistentState<TState>(FakeGrainStorage storage, string key) : IPersistentState<TState>
    where TState : new()
{
    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        if (storage.Read(key) is { } record)
        {
            State = JsonSerializer.Deserialize<TState>(record.Json, FakeGrainStorage.JsonOptions)!;
            (Etag, RecordExists) = (record.Etag, true);
        }
        else
        {
            (State, Etag, RecordExists) = (new TState(), null, false);
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        Etag = storage.Write(key, JsonSerializer.Serialize(State, FakeGrainStorage.JsonOptions), Etag);
        RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        storage.Clear(key, Etag);
        (State, Etag, RecordExists) = (new TState(), null, false);
        return Task.CompletedTask;
    }
}
