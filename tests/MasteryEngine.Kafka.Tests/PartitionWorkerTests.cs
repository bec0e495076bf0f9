using System.Text.Json;
using Confluent.Kafka;
using MasteryEngine.Grains;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace MasteryEngine.Kafka.Tests;

public sealed class PartitionWorkerTests
{
    private static readonly TopicPartition Partition = new("mastery.requests", 0);

    [Fact]
    public async Task A_partition_given_up_waits_for_the_work_under_way_and_leaves_the_queued_messages_unstarted()
    {
        var calls = new List<IReadOnlyList<InboundMessage>>();
        var effect = new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var worker = new PartitionWorker(Partition, (messages, _, _) =>
        {
            lock (calls)
            {
                calls.Add(messages);
            }

            return effect.Task;
        }, maxEventsPerWrite: 100, new HoldUpAllowance(TimeProvider.System), NullLogger.Instance);
        for (var offset = 0; offset < 40; offset++)
        {
            worker.Dispatch(Message(offset, "student-1"));
        }

        await Eventually.UntilAsync(() => Calls(calls) == 1, TimeSpan.FromSeconds(10), "the student's first event under way");
        worker.StopStarting();
        var drained = Task.Run(() => worker.WaitUntilStartedFinished(TimeSpan.FromSeconds(30)));
        effect.SetResult(Task.CompletedTask);

        Assert.True(await drained);
        Assert.Equal(1, Calls(calls));
        Assert.Equal(1, worker.CommittableOffset);
    }

    [Fact]
    public async Task A_message_cancelled_before_it_started_is_left_unstarted_and_uncommitted()
    {
        using var worker = new PartitionWorker(Partition, async (messages, stopStarting, _) =>
        {
            if (messages[0].Source.Offset.Value == 1)
            {
                await Task.Delay(Timeout.Infinite, stopStarting);
            }

            return Task.CompletedTask;
        }, maxEventsPerWrite: 100, new HoldUpAllowance(TimeProvider.System), NullLogger.Instance);
        worker.Dispatch(Message(0, "student-1"));
        await Eventually.UntilAsync(() => worker.CommittableOffset == 1, TimeSpan.FromSeconds(10), "the first student's event finished");
        worker.Dispatch(Message(1, "student-2"));
        worker.Dispatch(Message(2, "student-3"));
        await Eventually.UntilAsync(() => worker.InFlight == 1, TimeSpan.FromSeconds(10), "only the waiting event left");

        worker.StopStarting();

        Assert.True(await Task.Run(() => worker.WaitUntilStartedFinished(TimeSpan.FromSeconds(30))));
        Assert.Equal(1, worker.CommittableOffset);
    }

    private static int Calls(List<IReadOnlyList<InboundMessage>> calls)
    {
        lock (calls)
        {
            return calls.Count;
        }
    }

    private static InboundMessage Message(long offset, string student)
    {
        using var data = JsonDocument.Parse("""{"score":0.5}""");
        var learningEvent = new LearningEvent(LearningEventTypes.Quality, student, $"{student}-{offset}", DateTimeOffset.UnixEpoch, null, null, data.RootElement.Clone());
        var source = new ConsumeResult<byte[]?, byte[]?>
        {
            TopicPartitionOffset = new TopicPartitionOffset(Partition, offset),
            Message = new Message<byte[]?, byte[]?>(),
        };
        return new InboundMessage(source, learningEvent, null, null);
    }
}
