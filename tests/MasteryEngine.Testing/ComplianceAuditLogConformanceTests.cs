using MasteryEngine.Grains;

namespace MasteryEngine.Testing;

/// <summary>
/// What every <see cref="IComplianceAuditLog"/> must do alike: pages newest first that a cursor walks to the end
/// without gaps or repeats, the student and month filters, and retention. A log's test class supplies fresh,
/// empty logs on a clock the test moves.
/// </summary>
public abstract class ComplianceAuditLogConformanceTests
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);

    /// <summary>An empty log of its own (no records of other tests), keeping records <paramref name="retentionDays"/>.</summary>
    protected abstract IComplianceAuditLog NewLog(TimeProvider clock, int retentionDays = 365);

    protected static ComplianceAuditRecord Record(string studentId, ManualTimeProvider clock, string action = ComplianceActions.Export) =>
        new("audit_" + Guid.NewGuid().ToString("N"), action, studentId, "admin_1", clock.GetUtcNow(), ["mastery_state", "topics"]);

    protected static async Task<List<ComplianceAuditRecord>> ReadAllAsync(IComplianceAuditLog log, ComplianceAuditQuery query)
    {
        var all = new List<ComplianceAuditRecord>();
        for (var page = await log.ReadAsync(query); ; page = await log.ReadAsync(query with { Before = page.Next }))
        {
            Assert.InRange(page.Records.Length, 0, query.Limit);
            all.AddRange(page.Records);
            if (page.Next is null)
            {
                return all;
            }
        }
    }

    private static ComplianceAuditQuery Everything(int limit) => new(null, null, null, null, limit);

    [Fact]
    public async Task Pages_come_newest_first_and_the_cursor_walks_to_the_end_without_gaps_or_repeats()
    {
        var clock = new ManualTimeProvider(Start);
        var log = NewLog(clock);
        var appended = new List<ComplianceAuditRecord>();
        for (var i = 0; i < 7; i++)
        {
            appended.Add(Record("student_" + (i % 3), clock));
            await log.AppendAsync(appended[^1]);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await log.ReadAsync(Everything(3));
        var second = await log.ReadAsync(Everything(3) with { Before = first.Next });
        var third = await log.ReadAsync(Everything(3) with { Before = second.Next });

        Assert.Equal([appended[6].AuditId, appended[5].AuditId, appended[4].AuditId], first.Records.Select(r => r.AuditId));
        Assert.Equal([appended[3].AuditId, appended[2].AuditId, appended[1].AuditId], second.Records.Select(r => r.AuditId));
        Assert.Equal([appended[0].AuditId], third.Records.Select(r => r.AuditId));
        Assert.NotNull(first.Next);
        Assert.NotNull(second.Next);
        Assert.Null(third.Next);
    }

    [Fact]
    public async Task Records_appended_in_the_same_millisecond_are_all_paged_in_order()
    {
        var clock = new ManualTimeProvider(Start);
        var log = NewLog(clock);
        var appended = new List<ComplianceAuditRecord>();
        for (var i = 0; i < 5; i++)
        {
            appended.Add(Record("student_same", clock));
            await log.AppendAsync(appended[^1]);
        }

        var all = await ReadAllAsync(log, Everything(2));

        Assert.Equal(appended.Select(r => r.AuditId).Reverse(), all.Select(r => r.AuditId));
    }

    [Fact]
    public async Task A_record_reads_back_as_it_was_appended()
    {
        var clock = new ManualTimeProvider(Start);
        var log = NewLog(clock);
        var record = Record("student_round_trip", clock, ComplianceActions.Erasure);

        await log.AppendAsync(record);
        var read = Assert.Single((await log.ReadAsync(Everything(10))).Records);

        Assert.Equal(record with { DataKinds = [] }, read with { DataKinds = [] });
        Assert.Equal(record.DataKinds, read.DataKinds);
    }

    [Fact]
    public async Task Student_filter_pages_through_that_students_records_only()
    {
        var clock = new ManualTimeProvider(Start);
        var log = NewLog(clock);
        var mine = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            var record = Record(i % 3 == 0 ? "student_mine" : "student_other", clock);
            await log.AppendAsync(record);
            if (record.StudentId == "student_mine")
            {
                mine.Add(record.AuditId);
            }

            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        var read = await ReadAllAsync(log, new ComplianceAuditQuery("student_mine", null, null, null, 2));
        var nobody = await log.ReadAsync(new ComplianceAuditQuery("student_nobody", null, null, null, 2));

        Assert.Equal(Enumerable.Reverse(mine), read.Select(r => r.AuditId));
        Assert.Empty(nobody.Records);
        Assert.Null(nobody.Next);
    }

    [Fact]
    public async Task Month_range_keeps_a_record_of_the_last_millisecond_out_of_the_next_month()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 30, 23, 59, 59, 999, TimeSpan.Zero));
        var log = NewLog(clock);
        var november = Record("student_month", clock);
        await log.AppendAsync(november);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var december = Record("student_month", clock);
        await log.AppendAsync(december);
        var decemberStart = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        var inNovember = await log.ReadAsync(new ComplianceAuditQuery(null, decemberStart.AddMonths(-1), decemberStart, null, 10));
        var inDecember = await log.ReadAsync(new ComplianceAuditQuery("student_month", decemberStart, decemberStart.AddMonths(1), null, 10));

        Assert.Equal(november.AuditId, Assert.Single(inNovember.Records).AuditId);
        Assert.Equal(december.AuditId, Assert.Single(inDecember.Records).AuditId);
    }

    [Fact]
    public async Task Records_past_the_retention_period_are_no_longer_read_and_are_trimmed_by_the_next_append()
    {
        var clock = new ManualTimeProvider(Start);
        var log = NewLog(clock, retentionDays: 30);
        var old = Record("student_retained", clock);
        await log.AppendAsync(old);
        clock.Advance(TimeSpan.FromDays(29));
        var recent = Record("student_retained", clock);
        await log.AppendAsync(recent);

        var withinRetention = await ReadAllAsync(log, Everything(10));
        clock.Advance(TimeSpan.FromDays(2));
        var afterOneExpired = await ReadAllAsync(log, new ComplianceAuditQuery("student_retained", null, null, null, 10));
        clock.Advance(TimeSpan.FromDays(29));
        var newest = Record("student_retained", clock);
        await log.AppendAsync(newest);
        var afterBoth = await ReadAllAsync(log, Everything(10));

        Assert.Equal([recent.AuditId, old.AuditId], withinRetention.Select(r => r.AuditId));
        Assert.Equal([recent.AuditId], afterOneExpired.Select(r => r.AuditId));
        Assert.Equal([newest.AuditId], afterBoth.Select(r => r.AuditId));
    }
}
