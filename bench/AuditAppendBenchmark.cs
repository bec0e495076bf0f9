using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MasteryEngine.Grains;
using MasteryEngine.Silo.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MasteryEngine.Bench;

/// <summary>
/// Cost of one GDPR audit append as the log grows, against a real redis-server on loopback: one caller appends
/// record after record through <see cref="RedisComplianceAuditLog"/> and the time per append is compared between
/// the first 1,000 records and the last 1,000 (records 100,001–101,000 by default). In the same run, the design it
/// replaced: the month's whole record list serialized and written into one hash on every append (what the stateful
/// grain's state write did), compared between its first and last 200 of 3,000 records.
/// Options: --records N (default 101000), --old-records N (default 3000), --no-baseline.
/// </summary>
public static class AuditAppendBenchmark
{
    private const int Window = 1000;
    private const int OldWindow = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var records = Math.Max(BenchArguments.Count(args, "--records", 101_000), 2 * Window);
        var oldRecords = args.Contains("--no-baseline") ? 0 : Math.Max(BenchArguments.Count(args, "--old-records", 3000), 2 * OldWindow);
        await using var server = await LocalRedisServer.StartAsync();
        var redisOptions = Options.Create(new RedisOptions { Host = $"127.0.0.1:{server.Port}" });
        await using var connection = new SharedRedisConnection(redisOptions);
        var log = new RedisComplianceAuditLog(connection, redisOptions, Options.Create(new ComplianceAuditOptions()), TimeProvider.System);
        Console.WriteLine($"audit-append: one caller, redis-server on 127.0.0.1:{server.Port}");

        // JIT, the connection and the script cache warm up on a log of their own, so record 1 starts an empty log warm.
        var warmUpOptions = Options.Create(new RedisOptions { Host = redisOptions.Value.Host, KeyPrefix = "warm-up:" });
        var warmUp = new RedisComplianceAuditLog(connection, warmUpOptions, Options.Create(new ComplianceAuditOptions()), TimeProvider.System);
        for (var i = 0; i < Window; i++)
        {
            await warmUp.AppendAsync(Record(i));
        }

        var appendMs = new double[records];
        for (var i = 0; i < records; i++)
        {
            var record = Record(i);
            var start = Stopwatch.GetTimestamp();
            await log.AppendAsync(record);
            appendMs[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var database = (await connection.GetAsync()).GetDatabase();
        var length = await database.StreamLengthAsync(RedisStorageKeys.AuditLog(""));
        Console.WriteLine($"  stream log: {records:N0} appends, XLEN {length:N0}");
        var first = Summary(appendMs, 0, Window);
        var last = Summary(appendMs, records - Window, records);
        Console.WriteLine($"    records 1–{Window:N0}: {first}");
        Console.WriteLine($"    records {records - Window + 1:N0}–{records:N0}: {last}");
        Console.WriteLine($"    last/first mean ratio {Mean(appendMs, records - Window, records) / Mean(appendMs, 0, Window):F2}");

        if (oldRecords > 0)
        {
            await RewrittenHashAsync(database, oldRecords);
        }

        return 0;
    }

    /// <summary>The replaced design: every append rewrites the whole list, so its cost grows with the list.</summary>
    private static async Task RewrittenHashAsync(IDatabase database, int records)
    {
        var month = new List<ComplianceAuditRecord>();
        var appendMs = new double[records];
        for (var i = 0; i < records; i++)
        {
            var start = Stopwatch.GetTimestamp();
            month.Add(Record(i));
            var json = JsonSerializer.Serialize(month, AuditBenchJsonContext.Default.ListComplianceAuditRecord);
            await database.HashSetAsync("compliance-audit:{2026-12}:state", [new("etag", Guid.NewGuid().ToString("N")), new("data", json)]);
            appendMs[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var bytes = await database.HashStringLengthAsync("compliance-audit:{2026-12}:state", "data");
        Console.WriteLine($"  baseline, one hash rewritten per append (the old grain state): {records:N0} appends, last write {bytes / 1024.0:F0} KiB");
        Console.WriteLine($"    records 1–{OldWindow}: {Summary(appendMs, 0, OldWindow)}");
        Console.WriteLine($"    records {records - OldWindow + 1:N0}–{records:N0}: {Summary(appendMs, records - OldWindow, records)}");
        Console.WriteLine($"    last/first mean ratio {Mean(appendMs, records - OldWindow, records) / Mean(appendMs, 0, OldWindow):F2}");
    }

    private static ComplianceAuditRecord Record(int i) => new(
        "audit_" + i.ToString("x32", CultureInfo.InvariantCulture),
        i % 10 == 0 ? ComplianceActions.Erasure : ComplianceActions.Export,
        "student_" + (i % 5000).ToString(CultureInfo.InvariantCulture),
        "admin_1",
        DateTimeOffset.UtcNow,
        ["mastery_state", "topics", "snapshots", "applied_event_ids"]);

    private static double Mean(double[] samples, int from, int to) => samples[from..to].Average();

    private static string Summary(double[] samples, int from, int to)
    {
        var window = samples[from..to];
        Array.Sort(window);
        return string.Create(CultureInfo.InvariantCulture,
            $"mean {window.Average():F3} ms, p50 {window[window.Length / 2]:F3} ms, p99 {window[(int)(window.Length * 0.99)]:F3} ms");
    }
}
