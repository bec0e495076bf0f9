using MasteryEngine.Silo.Redis.Client;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// The storage's Lua scripts. A grain's state hash (see <see cref="RedisGrainKeys"/>) holds, per state name N,
/// <c>etag:N</c>, <c>data:N</c> (the serialized state) and one <c>record:N:KEY</c> per readable record key ever
/// written for it, so a clear can find and delete them all. Each script checks the ETag and changes everything in
/// one atomic step, so there is never a half-written state; the hash's TTL is the grain's retention, refreshed by
/// every write. They answer 1 when applied, otherwise the ETag found in storage ("" when there is none). Record
/// keys deleted on clear are not all declared in KEYS: they share the state key's hash tag, hence its cluster slot.
/// </summary>
internal static class RedisGrainScripts
{
    /// <summary>
    /// KEYS[1] state hash, KEYS[2..] readable records; ARGV: expected etag ("" = none), new etag, data, ttl ms,
    /// channel ("" = none), message, state name, then one value per record key.
    /// </summary>
    public static readonly RedisScript Write = new("""
        local name = ARGV[7]
        local stored = redis.call('HGET', KEYS[1], 'etag:' .. name) or ''
        if stored ~= ARGV[1] then
          return stored
        end
        redis.call('HSET', KEYS[1], 'etag:' .. name, ARGV[2], 'data:' .. name, ARGV[3])
        for i = 2, #KEYS do
          redis.call('SET', KEYS[i], ARGV[6 + i], 'PX', ARGV[4])
          redis.call('HSET', KEYS[1], 'record:' .. name .. ':' .. KEYS[i], '1')
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        if ARGV[5] ~= '' then
          redis.call('PUBLISH', ARGV[5], ARGV[6])
        end
        return 1
        """);

    /// <summary>KEYS[1] state hash; ARGV: expected etag ("" = none), channel ("" = none), message, state name.</summary>
    public static readonly RedisScript Clear = new("""
        local name = ARGV[4]
        local stored = redis.call('HGET', KEYS[1], 'etag:' .. name) or ''
        if stored ~= ARGV[1] then
          return stored
        end
        local records = 'record:' .. name .. ':'
        for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
          if string.sub(field, 1, #records) == records then
            redis.call('DEL', string.sub(field, #records + 1))
            redis.call('HDEL', KEYS[1], field)
          end
        end
        redis.call('HDEL', KEYS[1], 'etag:' .. name, 'data:' .. name)
        if ARGV[2] ~= '' then
          redis.call('PUBLISH', ARGV[2], ARGV[3])
        end
        return 1
        """);
}
