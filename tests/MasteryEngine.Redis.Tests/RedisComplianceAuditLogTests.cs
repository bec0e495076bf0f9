using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MasteryEngine.Grains;
using MasteryEngine.Silo.Redis;
using MasteryEngine.Testing;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Redis.Tests;

/// <summary>
/// The audit log in Redis streams on a real redis-server: the contract of every audit log, then what operators see
/// (two streams, their TTL, trimmed entries gone) and ids that keep growing when a clock is behind.
/// </summary>
[Collection(RedisSiloCollection.Name)]
public sealed class RedisComplianceAuditLogTests(RedisSiloFixture fixture) : RedisComplianceAuditLogSuite
{
    protected override string Hosts => fixture.Server.HostAndPort;

    [Fact]
    public async Task Each_record_is_one_entry_of_the_log_stream_and_of_its_students_stream_expiring_a_retention_after_the_last_append()
    {
        var clock = new ManualTimeProvider(Start);
        var log = NewLog(clock, retentionDays: 30);
        await log.AppendAsync(Record("student_a", clock));
        await log.AppendAsync(Record("student_b", clock));
        var position = await log.AppendAsync(Record("student_a", clock));
        var (logKey, studentKey) = ($"{Prefix}audit:{{compliance}}:log", StudentKey(Prefix, "student_a"));

        Assert.Equal("stream", await fixture.Server.CliAsync("TYPE", logKey));
        Assert.Equal("3", await fixture.Server.CliAsync("XLEN", logKey));
        Assert.Equal("2", await fixture.Server.CliAsync("XLEN", studentKey));
        Assert.Equal($"{Start.ToUnixTimeMilliseconds()}-2", position.ToString());
        Assert.Contains("\"performed_by\":\"admin_1\"", await fixture.Server.CliAsync("XRANGE", studentKey, position.ToString(), "+"), StringComparison.Ordinal);
        foreach (var key in new[] { logKey, studentKey })
        {
            var ttl = long.Parse(await fixture.Server.CliAsync("TTL", key), CultureInfo.InvariantCulture);
            Assert.InRange(ttl, (long)TimeSpan.FromDays(30).TotalSeconds - 60, (long)TimeSpan.FromDays(30).TotalSeconds);
        }
    }

    [Fact]
    public async Task An_append_removes_the_entries_past_retention_from_both_streams()
    {
        var clock = new ManualTimeProvider(Start);
        var log = NewLog(clock, retentionDays: 7);
        for (var i = 0; i < 50; i++)
        {
            await log.AppendAsync(Record("student_trim", clock));
        }

        clock.Advance(TimeSpan.FromDays(8));
        await log.AppendAsync(Record("student_trim", clock));

        Assert.Equal("1", await fixture.Server.CliAsync("XLEN", $"{Prefix}audit:{{compliance}}:log"));
        Assert.Equal("1", await fixture.Server.CliAsync("XLEN", StudentKey(Prefix, "student_trim")));
    }

    [Fact]
    public async Task A_gateway_whose_clock_is_behind_still_appends_after_the_newest_record()
    {
        var ahead = new ManualTimeProvider(Start);
        var behind = new ManualTimeProvider(Start.AddMinutes(-5));
        var first = Record("student_clock", ahead);
        var second = Record("student_clock", behind);

        var firstPosition = await NewLog(ahead).AppendAsync(first);
        var secondPosition = await NewLog(behind).AppendAsync(second);
        var page = await NewLog(ahead).ReadAsync(new ComplianceAuditQuery("student_clock", null, null, null, 10));

        Assert.True(secondPosition > firstPosition, $"{secondPosition} should follow {firstPosition}");
        Assert.Equal([second.AuditId, first.AuditId], page.Records.Select(r => r.AuditId));
    }

    [Fact]
    public async Task A_cursor_past_every_record_reads_nothing_and_a_fresh_prefix_is_an_empty_log()
    {
        var clock = new ManualTimeProvider(Start);
        var log = NewLog(clock);
        var position = await log.AppendAsync(Record("student_edge", clock));

        var beforeFirst = await log.ReadAsync(new ComplianceAuditQuery(null, null, null, position, 10));
        var empty = await NewLog(clock, "empty" + Prefix).ReadAsync(new ComplianceAuditQuery(null, null, null, null, 10));

        Assert.Empty(beforeFirst.Records);
        Assert.Null(beforeFirst.Next);
        Assert.Empty(empty.Records);
    }

    /// <summary>A student's audit stream is keyed by a hash of the id: no key may name a student after an erasure.</summary>
    private static string StudentKey(string prefix, string studentId) =>
        $"{prefix}audit:{{compliance}}:student:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(studentId)))}";
}
