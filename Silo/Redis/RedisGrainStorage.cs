using System.Text.Json;
using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Redis.Client;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// Grain state in Redis with Orleans' ETag semantics. Each write or clear is one Lua script (see
/// <see cref="RedisGrainScripts"/>) that checks the ETag, changes the record and its readable records
/// (<see cref="IReadableStorageRecords"/>), refreshes the retention TTL and publishes an invalidation, atomically.
/// The provider never retries: a Redis failure becomes <see cref="StorageUnavailableException"/>, after which
/// the caller's ETag may be stale (a write whose reply was lost may have been applied), and the next write then
/// fails with <see cref="InconsistentStateException"/>, sending the caller back to a fresh read, exactly as
/// after a conflict.
/// </summary>
public sealed class RedisGrainStorage : IGrainStorage
{
    private readonly string name;
    private readonly RedisMultiplexer redis;
    private readonly IGrainStateSerializer serializer;
    private readonly RedisOptions options;
    private readonly RedisStorageMetrics metrics;
    private readonly TimeProvider timeProvider;
    private readonly string siloId;

    public RedisGrainStorage(
        string name,
        RedisMultiplexer redis,
        IGrainStateSerializer serializer,
        RedisOptions options,
        RedisStorageMetrics metrics,
        TimeProvider timeProvider,
        RedisSiloId siloId)
    {
        this.name = name;
        this.redis = redis;
        this.serializer = serializer;
        this.options = options;
        this.metrics = metrics;
        this.timeProvider = timeProvider;
        this.siloId = siloId.Value;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new()
    {
        var started = timeProvider.GetTimestamp();
        var key = RedisGrainKeys.State(options.KeyPrefix, grainId);
        var reply = await CallAsync("read", key, () => redis.ExecuteAsync(RedisCommand.Create("HMGET", key, "etag:" + stateName, "data:" + stateName), cancellationToken));
        var etag = reply.Elements[0];
        if (etag.IsNull)
        {
            grainState.State = new T();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        else
        {
            grainState.State = serializer.Deserialize<T>(reply.Elements[1].Bytes);
            grainState.ETag = etag.AsString();
            grainState.RecordExists = true;
        }

        metrics.RecordDuration("read", timeProvider.GetElapsedTime(started));
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new()
    {
        var started = timeProvider.GetTimestamp();
        var key = RedisGrainKeys.State(options.KeyPrefix, grainId);
        var expected = grainState.ETag ?? "";
        var newETag = NewETag();
        var data = serializer.Serialize(grainState.State);
        var ttl = (long)options.RetentionFor(grainId.Type).TotalMilliseconds;
        var (channel, message) = Invalidation(grainId, stateName, newETag);
        var records = grainState.State is IReadableStorageRecords readable ? readable.GetRecordsToStore() : [];
        var keys = new RedisArg[1 + records.Count];
        var args = new RedisArg[7 + records.Count];
        keys[0] = key;
        (args[0], args[1], args[2], args[3], args[4], args[5], args[6]) = (expected, newETag, data, ttl, channel, message, stateName);
        for (var i = 0; i < records.Count; i++)
        {
            keys[1 + i] = RedisGrainKeys.Record(options.KeyPrefix, grainId, records[i].Name);
            args[7 + i] = records[i].Json;
        }

        var reply = await CallAsync("write", key, () => redis.ExecuteScriptAsync(RedisGrainScripts.Write, keys, args, cancellationToken));

        ThrowIfConflict(reply, "write", grainId, stateName, expected);
        grainState.ETag = newETag;
        grainState.RecordExists = true;
        metrics.RecordDuration("write", timeProvider.GetElapsedTime(started));
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
        where T : new()
    {
        var started = timeProvider.GetTimestamp();
        var key = RedisGrainKeys.State(options.KeyPrefix, grainId);
        var expected = grainState.ETag ?? "";
        var (channel, message) = Invalidation(grainId, stateName, null);
        var reply = await CallAsync("clear", key, () => redis.ExecuteScriptAsync(
            RedisGrainScripts.Clear, [key], [expected, channel, message, stateName], cancellationToken));

        ThrowIfConflict(reply, "clear", grainId, stateName, expected);
        grainState.State = new T();
        grainState.ETag = null;
        grainState.RecordExists = false;
        metrics.RecordDuration("clear", timeProvider.GetElapsedTime(started));
    }

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private (string Channel, byte[] Message) Invalidation(GrainId grainId, string stateName, string? newETag)
    {
        if (!options.PublishInvalidations)
        {
            return ("", []);
        }

        var message = new GrainInvalidation(grainId.Type, grainId.Key, stateName, newETag, siloId);
        return (options.InvalidationChannel, JsonSerializer.SerializeToUtf8Bytes(message, RedisJsonContext.Default.GrainInvalidation));
    }

    private void ThrowIfConflict(RedisReply reply, string operation, GrainId grainId, string stateName, string expected)
    {
        if (reply.Type == RedisReplyType.Number)
        {
            return;
        }

        var stored = reply.AsString();
        throw new InconsistentStateException(
            $"Cannot {operation} state '{stateName}' of {grainId} in Redis storage '{name}': stored ETag " +
            $"'{stored}' differs from '{expected}'.",
            string.IsNullOrEmpty(stored) ? null : stored,
            string.IsNullOrEmpty(expected) ? null : expected);
    }

    private async Task<RedisReply> CallAsync(string operation, string key, Func<Task<RedisReply>> call)
    {
        try
        {
            return await call();
        }
        catch (RedisException e)
        {
            metrics.RecordError(operation);
            throw new StorageUnavailableException($"Redis storage '{name}' could not {operation} {key}: {e.Message}", e);
        }
    }
}
