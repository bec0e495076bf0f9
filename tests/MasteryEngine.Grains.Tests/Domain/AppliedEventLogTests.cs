using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains.Tests.Domain;

public class AppliedEventLogTests
{
    [Fact]
    public void An_added_event_id_is_recognised()
    {
        var log = AppliedEventLog.Add([], EventFingerprint.Of("evt-1"), 100, 90);

        Assert.True(AppliedEventLog.Contains(log, EventFingerprint.Of("evt-1")));
        Assert.False(AppliedEventLog.Contains(log, EventFingerprint.Of("evt-2")));
        Assert.Equal(100, AppliedEventLog.Find(log, EventFingerprint.Of("evt-1"))?.Day);
    }

    [Fact]
    public void Every_id_inside_the_window_is_kept_however_many_there_are()
    {
        var log = Array.Empty<AppliedEvent>();
        for (var i = 0; i < 5000; i++)
        {
            log = AppliedEventLog.Add(log, EventFingerprint.Of($"evt-{i}"), 100 + (i / 100), 90);
        }

        Assert.Equal(5000, log.Length);
        Assert.True(AppliedEventLog.Contains(log, EventFingerprint.Of("evt-0")));
    }

    [Theory]
    [InlineData(100, 189, 90, true)]
    [InlineData(100, 190, 90, false)]
    [InlineData(100, 100, 1, true)]
    [InlineData(100, 101, 1, false)]
    [InlineData(100, 106, 7, true)]
    [InlineData(100, 107, 7, false)]
    public void Ids_are_remembered_for_the_window_from_the_day_they_were_applied(int appliedDay, int today, int window, bool remembered)
    {
        var log = AppliedEventLog.Add([], EventFingerprint.Of("old"), appliedDay, window);

        log = AppliedEventLog.Add(log, EventFingerprint.Of("new"), today, window);

        Assert.Equal(remembered, AppliedEventLog.Contains(log, EventFingerprint.Of("old")));
        Assert.True(AppliedEventLog.Contains(log, EventFingerprint.Of("new")));
    }

    [Theory]
    [InlineData(100, 100, 90, false)]
    [InlineData(11, 100, 90, false)]
    [InlineData(10, 100, 90, true)]
    [InlineData(0, 100, 90, true)]
    [InlineData(101, 100, 90, false)]
    [InlineData(99, 100, 1, true)]
    public void Events_as_old_as_the_window_are_stale(int eventDay, int today, int window, bool stale) =>
        Assert.Equal(stale, AppliedEventLog.IsStale(eventDay, today, window));

    [Fact]
    public void An_event_inside_the_window_is_still_remembered_whenever_it_was_applied()
    {
        const int Window = 30;
        for (var eventDay = 0; eventDay < 60; eventDay++)
        {
            for (var appliedDay = eventDay; appliedDay < eventDay + 40; appliedDay++)
            {
                var log = AppliedEventLog.Add([], EventFingerprint.Of("e"), appliedDay, Window);
                for (var today = appliedDay; today < appliedDay + 40; today++)
                {
                    var kept = AppliedEventLog.Retained(log, today, Window).ToArray();
                    Assert.True(AppliedEventLog.IsStale(eventDay, today, Window) || AppliedEventLog.Contains(kept, EventFingerprint.Of("e")));
                }
            }
        }
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
