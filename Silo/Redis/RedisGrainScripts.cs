using MasteryEngine.Silo.Redis.Client;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// The storage's Lua scripts. A state record is a hash with fields <c>etag</c> and <c>data</c> (the serialized
/// state, readable with <c>redis-cli HGET key data</c>). Each script checks the ETag and changes the record in
/// one atomic step, so there is never a half-written state. They answer 1 when applied, otherwise the ETag
/// found in storage ("" when there is no record).
/// </summary>
internal static class RedisGrainScripts
{
    /// <summary>KEYS[1] state; ARGV: expected etag ("" = none), new etag, data, ttl ms, channel ("" = none), message.</summary>
    public static readonly RedisScript Write = new("""
        local stored = redis.call('HGET', KEYS[1], 'etag') or ''
        if stored ~= ARGV[1] then
          return stored
        end
        redis.call('HSET', KEYS[1], 'etag', ARGV[2], 'data', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        if ARGV[5] ~= '' then
          redis.call('PUBLISH', ARGV[5], ARGV[6])
        end
        return 1
        """);

    /// <summary>KEYS[1] state; ARGV: expected etag ("" = none), channel ("" = none), message.</summary>
    public static readonly RedisScript Clear = new("""
        local stored = redis.call('HGET', KEYS[1], 'etag') or ''
        if stored ~= ARGV[1] then
          return stored
        end
        redis.call('DEL', KEYS[1])
        if ARGV[2] ~= '' then
          redis.call('PUBLISH', ARGV[2], ARGV[3])
        end
        return 1
        """);
}
