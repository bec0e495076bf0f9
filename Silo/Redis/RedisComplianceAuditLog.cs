using System.Globalization;
using System.Text.Json;
using MasteryEngine.Grains;
using MasteryEngine.Silo.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// The audit log in Redis streams: <c>audit:{compliance}:log</c> holds every record, <c>audit:{compliance}:student:&lt;sha256 of the id&gt;</c>
/// the same records of one student (so a student's trail is one range read). XADD is O(1) whatever the length,
/// which the month hash rewritten on every append was not. One script appends to both streams atomically, trims
/// what is older than <see cref="ComplianceAuditOptions.RetentionDays"/> (XTRIM MINID) and sets both keys to expire
/// a retention period after their last append. Both keys share the hash tag <c>{compliance}</c>, so the script
/// runs on Redis Cluster too. Entry ids follow this service's clock (the month filter and retention use it); a
/// clock behind the newest entry falls back to Redis' own id, so ids only grow.
/// </summary>
public sealed class RedisComplianceAuditLog(
    SharedRedisConnection redis,
    IOptions<RedisOptions> redisOptions,
    IOptions<ComplianceAuditOptions> options,
    TimeProvider time) : IComplianceAuditLog
{
    private const string RecordField = "record";

    private const string AppendScript = """
        local id = redis.pcall('XADD', KEYS[1], ARGV[1] .. '-*', 'record', ARGV[2])
        if type(id) == 'table' and id.err then
          id = redis.call('XADD', KEYS[1], '*', 'record', ARGV[2])
        end
        redis.call('XTRIM', KEYS[1], 'MINID', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        redis.call('XADD', KEYS[2], id, 'record', ARGV[2])
        redis.call('XTRIM', KEYS[2], 'MINID', ARGV[3])
        redis.call('PEXPIRE', KEYS[2], ARGV[4])
        return id
        """;

    private string Prefix => redisOptions.Value.KeyPrefix;

    public async Task<ComplianceAuditPosition> AppendAsync(ComplianceAuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = time.GetUtcNow();
        var retention = options.Value.Retention;
        var json = JsonSerializer.Serialize(record, ComplianceAuditJsonContext.Default.ComplianceAuditRecord);
        var result = await RunAsync(
            async database => await database.ScriptEvaluateAsync(
                AppendScript,
                [RedisStorageKeys.AuditLog(Prefix), RedisStorageKeys.AuditLogOfStudent(Prefix, record.StudentId)],
                [
                    Number(now.ToUnixTimeMilliseconds()),
                    json,
                    Number((now - retention).ToUnixTimeMilliseconds()),
                    Number((long)retention.TotalMilliseconds),
                ]),
            cancellationToken);
        return ComplianceAuditPosition.TryParse(result.ToString(), out var position)
            ? position
            : throw new StorageUnavailableException($"Redis answered the audit append with '{result}', not a stream id.");
    }

    public async Task<ComplianceAuditPage> ReadAsync(ComplianceAuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var range = ComplianceAuditRange.Of(query, time.GetUtcNow(), options.Value.Retention);
        if (range.IsEmpty)
        {
            return new ComplianceAuditPage([], null);
        }

        var key = query.StudentId is null ? RedisStorageKeys.AuditLog(Prefix) : RedisStorageKeys.AuditLogOfStudent(Prefix, query.StudentId);
        var newest = range.Before == ComplianceAuditRange.End ? "+" : "(" + range.Before;
        var entries = await RunAsync(
            database => database.StreamRangeAsync(key, range.From.ToString(), newest, query.Limit + 1, Order.Descending),
            cancellationToken);
        var page = entries.Take(query.Limit).ToArray();
        var records = page.Select(entry => Record(key, entry)).ToArray();
        return new ComplianceAuditPage(records, entries.Length > query.Limit ? Position(page[^1]) : null);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static ComplianceAuditPosition Position(StreamEntry entry) =>
        ComplianceAuditPosition.TryParse(entry.Id.ToString(), out var position)
            ? position
            : throw new StorageUnavailableException($"Redis returned the audit entry id '{entry.Id}', not a stream id.");

    private static ComplianceAuditRecord Record(RedisKey key, StreamEntry entry)
    {
        var json = entry[RecordField];
        return json.HasValue && JsonSerializer.Deserialize((string)json!, ComplianceAuditJsonContext.Default.ComplianceAuditRecord) is { } record
            ? record
            : throw new StorageUnavailableException($"The audit entry {entry.Id} of {key} holds no record.");
    }

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        try
        {
            var multiplexer = await redis.GetAsync().WaitAsync(cancellationToken);
            return await command(multiplexer.GetDatabase()).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new StorageUnavailableException($"The audit log in Redis is unavailable: {e.Message}", e);
        }
    }
}
