namespace MasteryEngine.Grains.Tests.Compliance;

public sealed class ComplianceAuditStreamTests
{
    private static ComplianceAuditRecord Record(string id) =>
        new(id, ComplianceActions.Export, "student_1", "admin_1", DateTimeOffset.UnixEpoch, []);

    [Theory]
    [InlineData(new long[] { 5, 9 }, "5-0,9-0")]
    [InlineData(new long[] { 5, 5, 5 }, "5-0,5-1,5-2")]
    [InlineData(new long[] { 9, 5, 7, 10 }, "9-0,9-1,9-2,10-0")]
    public void Positions_only_grow_even_when_the_clock_goes_back(long[] clock, string positions)
    {
        var stream = new ComplianceAuditStream();

        var appended = clock.Select((milliseconds, i) => stream.Append(Record("a" + i), milliseconds)).ToList();

        Assert.Equal(positions, string.Join(',', appended));
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(4, 1)]
    public void Adding_at_or_before_the_newest_position_is_refused(long milliseconds, long sequence)
    {
        var stream = new ComplianceAuditStream();
        stream.Add(new ComplianceAuditPosition(4, 1), Record("a"));

        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Add(new ComplianceAuditPosition(milliseconds, sequence), Record("b")));
    }

    [Theory]
    [InlineData(0, 0, "")]
    [InlineData(3, 3, "a0,a1,a2")]
    [InlineData(10, 10, "a0,a1,a2,a3,a4,a5,a6,a7,a8,a9")]
    [InlineData(11, 10, "a0,a1,a2,a3,a4,a5,a6,a7,a8,a9")]
    public void Trim_drops_and_returns_the_records_older_than_the_cut_off(long cutoff, int trimmedCount, string trimmed)
    {
        var stream = new ComplianceAuditStream();
        for (var i = 0; i < 10; i++)
        {
            stream.Append(Record("a" + i), i);
        }

        var dropped = stream.TrimBefore(cutoff);

        Assert.Equal(trimmed, string.Join(',', dropped.Select(r => r.AuditId)));
        Assert.Equal(10 - trimmedCount, stream.Count);
        Assert.Equal(10 - trimmedCount, stream.Newest(ComplianceAuditPosition.Start(0), ComplianceAuditRange.End, 100).Page.Count);
    }

    [Theory]
    [InlineData(0, 10, 100, "a9,a8,a7,a6,a5,a4,a3,a2,a1,a0", false)]
    [InlineData(0, 10, 3, "a9,a8,a7", true)]
    [InlineData(0, 7, 3, "a6,a5,a4", true)]
    [InlineData(4, 7, 3, "a6,a5,a4", false)]
    [InlineData(2, 3, 3, "a2", false)]
    [InlineData(3, 3, 3, "", false)]
    public void Newest_reads_backwards_from_before_down_to_from(long from, long before, int limit, string page, bool more)
    {
        var stream = new ComplianceAuditStream();
        for (var i = 0; i < 10; i++)
        {
            stream.Append(Record("a" + i), i);
        }

        var (read, left) = stream.Newest(ComplianceAuditPosition.Start(from), ComplianceAuditPosition.Start(before), limit);

        Assert.Equal(page, string.Join(',', read.Select(entry => entry.Record.AuditId)));
        Assert.Equal(more, left);
    }

    [Fact]
    public void Trimming_one_record_per_append_keeps_the_stream_bounded_and_correct()
    {
        var stream = new ComplianceAuditStream();
        for (var i = 0; i < 10_000; i++)
        {
            stream.Append(Record("a" + i), i);
            stream.TrimBefore(i - 99);
        }

        var (page, more) = stream.Newest(ComplianceAuditPosition.Start(0), ComplianceAuditRange.End, 1000);

        Assert.Equal(100, stream.Count);
        Assert.Equal("a9999", page[0].Record.AuditId);
        Assert.Equal("a9900", page[^1].Record.AuditId);
        Assert.False(more);
    }
}
