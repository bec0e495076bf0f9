using MasteryEngine.Silo.Kafka;

namespace MasteryEngine.Kafka.Tests;

public sealed class PartitionOffsetTrackerTests
{
    [Theory]
    [InlineData(new long[] { }, new long[] { }, null)]
    [InlineData(new long[] { 5 }, new long[] { }, 5L)]
    [InlineData(new long[] { 5 }, new long[] { 5 }, 6L)]
    [InlineData(new long[] { 5, 6, 7 }, new long[] { 6, 7 }, 5L)]
    [InlineData(new long[] { 5, 6, 7 }, new long[] { 5, 7 }, 6L)]
    [InlineData(new long[] { 5, 6, 7 }, new long[] { 7, 6, 5 }, 8L)]
    [InlineData(new long[] { 10, 12, 15 }, new long[] { 10, 12 }, 15L)]
    [InlineData(new long[] { 10, 12, 15 }, new long[] { 10, 12, 15 }, 16L)]
    public void Only_offsets_before_the_first_unfinished_message_are_committable(long[] dispatched, long[] completed, long? committable)
    {
        var tracker = new PartitionOffsetTracker();
        foreach (var offset in dispatched)
        {
            tracker.Dispatched(offset);
        }

        foreach (var offset in completed)
        {
            tracker.Completed(offset);
        }

        Assert.Equal(committable, tracker.CommittableOffset);
        Assert.Equal(dispatched.Length - completed.Length, tracker.PendingCount);
    }
}
