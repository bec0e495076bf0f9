using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class AppliedEventLogTests
{
    [Fact]
    public void An_added_event_id_is_recognised()
    {
        var log = AppliedEventLog.Add([], EventFingerprint.Of("evt-1"), 100, 90, 10);

        Assert.True(AppliedEventLog.Contains(log, EventFingerprint.Of("evt-1")));
        Assert.False(AppliedEventLog.Contains(log, EventFingerprint.Of("evt-2")));
    }

    [Theory]
    [InlineData(5, 20, 5)]
    [InlineData(256, 20, 20)]
    [InlineData(1, 3, 1)]
    public void Only_the_most_recent_ids_are_kept(int max, int added, int expectedKept)
    {
        var log = Array.Empty<AppliedEvent>();
        for (var i = 0; i < added; i++)
        {
            log = AppliedEventLog.Add(log, EventFingerprint.Of($"evt-{i}"), 100, 90, max);
        }

        Assert.Equal(expectedKept, log.Length);
        Assert.True(AppliedEventLog.Contains(log, EventFingerprint.Of($"evt-{added - 1}")));
        Assert.Equal(added > max, !AppliedEventLog.Contains(log, EventFingerprint.Of("evt-0")));
    }

    [Fact]
    public void Ids_older_than_the_retention_period_are_forgotten()
    {
        var log = AppliedEventLog.Add([], EventFingerprint.Of("old"), 100, 90, 256);

        log = AppliedEventLog.Add(log, EventFingerprint.Of("new"), 190, 90, 256);

        Assert.False(AppliedEventLog.Contains(log, EventFingerprint.Of("old")));
        Assert.True(AppliedEventLog.Contains(log, EventFingerprint.Of("new")));
    }

    [Theory]
    [InlineData("evt-1", "evt-1", true)]
    [InlineData("evt-1", "EVT-1", false)]
    [InlineData("evt-1", "evt-1 ", false)]
    public void Fingerprints_are_equal_exactly_for_equal_ids(string first, string second, bool equal)
    {
        Assert.Equal(equal, EventFingerprint.Of(first) == EventFingerprint.Of(second));
    }
}
