using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class SnapshotHistoryTests
{
    [Fact]
    public void A_second_calculation_on_the_same_day_replaces_that_days_snapshot()
    {
        var history = SnapshotHistory.Record([], Snapshot(100, 0.3), 90);

        history = SnapshotHistory.Record(history, Snapshot(100, 0.5), 90);

        Assert.Equal(0.5, Assert.Single(history).Mastery);
    }

    [Fact]
    public void Snapshots_stay_ordered_by_day()
    {
        var history = SnapshotHistory.Record([], Snapshot(102, 0.3), 90);
        history = SnapshotHistory.Record(history, Snapshot(100, 0.1), 90);
        history = SnapshotHistory.Record(history, Snapshot(101, 0.2), 90);

        Assert.Equal([100, 101, 102], history.Select(s => s.Day));
    }

    [Theory]
    [InlineData(90, 189, 90)]
    [InlineData(90, 190, 90)]
    [InlineData(90, 200, 90)]
    [InlineData(7, 106, 7)]
    [InlineData(1, 150, 1)]
    public void Snapshots_beyond_the_retention_period_are_pruned(int retentionDays, int lastDay, int expectedCount)
    {
        var history = Array.Empty<DailySnapshot>();
        for (var day = 100; day <= lastDay; day++)
        {
            history = SnapshotHistory.Record(history, Snapshot(day, 0.5), retentionDays);
        }

        Assert.Equal(expectedCount, history.Length);
        Assert.Equal(lastDay - retentionDays + 1, history[0].Day);
    }

    [Theory]
    [InlineData(189, 90)]
    [InlineData(200, 79)]
    [InlineData(278, 1)]
    [InlineData(279, 0)]
    public void Reading_leaves_out_what_aged_beyond_retention_since_the_last_write(int today, int expectedCount)
    {
        var history = Enumerable.Range(100, 90).Select(day => Snapshot(day, 0.5)).ToArray();

        Assert.Equal(expectedCount, SnapshotHistory.Retained(history, today, 90).Count());
    }

    private static DailySnapshot Snapshot(int day, double mastery) => new(day, mastery, mastery, mastery, mastery, mastery);
}
