using MasteryEngine.Grains.Domain.Learning.Calibration;

namespace MasteryEngine.Grains.Tests.Domain.Learning.Calibration;

public class ResponseLogReaderTests
{
    private static Task<ResponseLog> Read(string text) => ResponseLogReader.ReadAsync(new StringReader(text), CancellationToken.None);

    [Theory]
    [InlineData("user_id\titem_id\ttimestamp\tcorrect\tskill_id\na\ti1\t0\t1\tk1\nb\ti2\t0\t0\tk2\na\ti2\t0\t0\tk2\n")]
    [InlineData("skill_id,correct,item_id,user_id\nk1,1,i1,a\nk2,0,i2,b\nk2,0,i2,a\n")]
    public async Task Tsv_and_csv_logs_with_columns_in_any_order_read_the_same(string text)
    {
        var log = await Read(text);

        Assert.Equal(3, log.Rows);
        Assert.Equal(["a", "b"], log.StudentIds);
        Assert.Equal([0, 2, 3], log.StudentStarts);
        Assert.Equal([1.0, 0.0, 0.0], log.Scores);
        Assert.Equal(["i1", "i2", "i2"], log.Items.Select(i => log.ItemIds[i]));
        Assert.Equal(["k1", "k2", "k2"], log.Topics.Select(k => log.TopicIds[k]));
    }

    [Fact]
    public async Task A_students_rows_are_ordered_by_time_then_by_file_order()
    {
        var log = await Read("user_id,item_id,skill_id,correct,timestamp\na,late,k,1,300\na,first,k,0,100\na,tie-1,k,1,200\na,tie-2,k,1,200\n");

        Assert.Equal(["first", "tie-1", "tie-2", "late"], log.Items.Select(i => log.ItemIds[i]));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(100), log.Times[0]);
    }

    [Fact]
    public async Task Iso_timestamps_and_partial_credit_are_read()
    {
        var log = await Read("user_id,item_id,skill_id,correct,timestamp\na,i,k,0.5,2026-11-30T09:00:00Z\n");

        Assert.Equal(0.5, log.Scores[0]);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), log.Times[0]);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("user_id,item_id,correct\na,i,1\n", "'skill_id'")]
    [InlineData("user_id,item_id,skill_id,correct\na,i,k,2\n", "Line 2")]
    [InlineData("user_id,item_id,skill_id,correct\na,i,k,1\na,i,k,yes\n", "Line 3")]
    [InlineData("user_id,item_id,skill_id,correct\na,i,k\n", "Line 2")]
    [InlineData("user_id,item_id,skill_id,correct\n,i,k,1\n", "user_id is empty")]
    [InlineData("user_id,item_id,skill_id,correct,timestamp\na,i,k,1,soon\n", "timestamp")]
    public async Task A_bad_log_is_refused_with_the_line_and_the_reason(string text, string reason)
    {
        var exception = await Assert.ThrowsAsync<ResponseLogFormatException>(() => Read(text));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }
}
