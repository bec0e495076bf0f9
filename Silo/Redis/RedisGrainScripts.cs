using MasteryEngine.Silo.Redis.Client;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// The storage's Lua scripts. A state record is a hash with fields <c>etag</c> and <c>data</c> (the serialized
/// state, readable with <c>redis-cli HGET key data</c>), plus one field <c>record:KEY</c> per readable record
/// key ever written beside it (see <see cref="MasteryEngine.Runtime.Storage.IReadableStorageRecords"/>), so a
/// clear can find and delete them all. Each script checks the ETag and changes everything in one atomic step,
/// so there is never a half-written state. They answer 1 when applied, otherwise the ETag found in storage
/// ("" when there is no record). Record keys are not all declared in KEYS on clear; they share the state key's
/// hash tag and so its cluster slot.
/// </summary>
internal static class RedisGrainScripts
{
    /// <summary>
    /// KEYS[1] state, KEYS[2..] readable records; ARGV: expected etag ("" = none), new etag, data, ttl ms,
    /// channel ("" = none), message, then one value per record key.
    /// </summary>
    public static readonly RedisScript Write = new("""
        local stored = redis.call('HGET', KEYS[1], 'etag') or ''
        if stored ~= ARGV[1] then
          return stored
        end
        redis.call('HSET', KEYS[1], 'etag', ARGV[2], 'data', ARGV[3])
        for i = 2, #KEYS do
          redis.call('SET', KEYS[i], ARGV[5 + i], 'PX', ARGV[4])
          redis.call('HSET', KEYS[1], 'record:' .. KEYS[i], '1')
        end
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
        for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
          if string.sub(field, 1, 7) == 'record:' then
            redis.call('DEL', string.sub(field, 8))
          end
        end
        redis.call('DEL', KEYS[1])
        if ARGV[2] ~= '' then
          redis.call('PUBLISH', ARGV[2], ARGV[3])
        end
        return 1
        """);
}
