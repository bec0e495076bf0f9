using MasteryEngine.Silo.Storage;
using Orleans.Persistence.Redis;
using Orleans.Storage;
using StackExchange.Redis;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// Orleans' Redis provider reports every failure that is not a version conflict as <see cref="RedisStorageException"/>
/// (a lost connection, a timeout, a refused command), with the cause only as text. This turns them into
/// <see cref="StorageUnavailableException"/>, which the circuit breaker counts and the API answers with 503 and
/// <c>Retry-After</c>; conflicts (<see cref="InconsistentStateException"/>) pass unchanged, so the grain reloads.
/// </summary>
public sealed class RedisFailureTranslatingGrainStorage(IGrainStorage inner, string name) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(inner.ClearStateAsync(stateName, grainId, grainState));

    private async Task TranslateAsync(Task operation)
    {
        try
        {
            await operation;
        }
        catch (Exception e) when (e is RedisStorageException or RedisException)
        {
            throw new StorageUnavailableException($"Redis storage '{name}' is unavailable: {e.Message}", e);
        }
    }
}
