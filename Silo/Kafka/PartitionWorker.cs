using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Processes the messages of one assigned partition: one lane per student, so a student's events run one after
/// another in offset order while different students run in parallel. A lane moves to the student's next event as
/// soon as the effect of the previous one is persisted; a message counts as finished, and its offset as safe to
/// commit, only once its outcome was acknowledged too.
/// </summary>
internal sealed class PartitionWorker : IDisposable
{
    private readonly object gate = new();
    private readonly Dictionary<string, Queue<InboundMessage>> busyLanes = new(StringComparer.Ordinal);
    private readonly PartitionOffsetTracker offsets = new();
    private readonly CancellationTokenSource abandoned = new();
    private readonly Func<IReadOnlyList<InboundMessage>, CancellationToken, Task<Task>> process;
    private readonly int maxEventsPerWrite;
    private readonly ILogger logger;

    // Written under the gate; read without it by the poll thread, which checks it for every message.
    private int inFlight;

    // Threads blocked in WaitUntilBelow: a finished message wakes them only when there are any.
    private int waiters;

    public PartitionWorker(
        TopicPartition partition,
        Func<IReadOnlyList<InboundMessage>, CancellationToken, Task<Task>> process,
        int maxEventsPerWrite,
        HoldUpAllowance holdUp,
        ILogger logger)
    {
        Partition = partition;
        this.maxEventsPerWrite = maxEventsPerWrite;
        HoldUp = holdUp;
        this.process = process;
        this.logger = logger;
    }

    public TopicPartition Partition { get; }

    /// <summary>Whether the consumer paused fetching for this partition (poll thread only).</summary>
    public bool Paused { get; set; }

    /// <summary>How long this partition, at its in-flight bound, may still keep the poll thread waiting (poll thread only).</summary>
    public HoldUpAllowance HoldUp { get; }

    /// <summary>Messages on the broker not yet consumed here, as of the last lag report (poll thread only).</summary>
    public long Lag { get; set; }

    /// <summary>The offset last committed for this partition (poll thread only).</summary>
    public long? LastCommittedOffset { get; set; }

    public int InFlight => Volatile.Read(ref inFlight);

    public long? CommittableOffset
    {
        get
        {
            lock (gate)
            {
                return offsets.CommittableOffset;
            }
        }
    }

    public void Dispatch(InboundMessage message)
    {
        lock (gate)
        {
            offsets.Dispatched(message.Source.Offset.Value);
            Volatile.Write(ref inFlight, offsets.PendingCount);
            if (busyLanes.TryGetValue(message.LaneKey, out var lane))
            {
                lane.Enqueue(message);
                return;
            }

            busyLanes.Add(message.LaneKey, new Queue<InboundMessage>());
        }

        var token = abandoned.Token;
        _ = Task.Run(() => RunLaneAsync(message, token));
    }

    /// <summary>
    /// Blocks until every dispatched message has finished or the timeout passed. Blocking is deliberate: it runs on
    /// the consumer's poll thread inside librdkafka's synchronous rebalance callback, which must not return before
    /// the finished offsets are committed.
    /// </summary>
    public bool WaitUntilDrained(TimeSpan timeout) => WaitUntilBelow(1, timeout, CancellationToken.None);

    /// <summary>Blocks until fewer than <paramref name="limit"/> messages are in flight, or the timeout passed.</summary>
    public bool WaitUntilBelow(int limit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (gate)
        {
            while (offsets.PendingCount >= limit)
            {
                var remaining = deadline - Environment.TickCount64;
                if (remaining <= 0 || cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                // Woken by every finished message; at least every 50 ms, to notice cancellation.
                waiters++;
                try
                {
                    Monitor.Wait(gate, TimeSpan.FromMilliseconds(Math.Min(remaining, 50)));
                }
                finally
                {
                    waiters--;
                }
            }

            return true;
        }
    }

    /// <summary>Stops processing at once; unfinished messages stay uncommitted and will be redelivered.</summary>
    public void Abandon() => abandoned.Cancel();

    public void Dispose()
    {
        abandoned.Cancel();
        abandoned.Dispose();
    }

    private async Task RunLaneAsync(InboundMessage first, CancellationToken token)
    {
        List<InboundMessage> messages = [first];
        while (true)
        {
            try
            {
                var outcome = await process(messages, token);
                _ = FinishWhenPublishedAsync(messages, outcome);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The processor dead-letters every failure itself; reaching this is a bug. The offsets stay
                // uncommitted (redelivered after a rebalance or restart) rather than being skipped.
                logger.LogCritical(e, "Unexpected failure processing {TopicPartitionOffset}", messages[0].Source.TopicPartitionOffset);
            }

            lock (gate)
            {
                var lane = busyLanes[first.LaneKey];
                if (lane.Count == 0)
                {
                    busyLanes.Remove(first.LaneKey);
                    return;
                }

                messages = TakeNext(lane);
            }
        }
    }

    /// <summary>
    /// The lane's next message, or, when it is a learning event, every learning event queued behind it (up to the
    /// limit): they accumulated while the student's previous write was under way, and go to the grain together.
    /// </summary>
    private List<InboundMessage> TakeNext(Queue<InboundMessage> lane)
    {
        var next = new List<InboundMessage> { lane.Dequeue() };
        while (next[0].CanShareWrite && next.Count < maxEventsPerWrite && lane.TryPeek(out var queued) && queued.CanShareWrite)
        {
            next.Add(lane.Dequeue());
        }

        return next;
    }

    private async Task FinishWhenPublishedAsync(List<InboundMessage> messages, Task outcome)
    {
        try
        {
            await outcome;
        }
        catch (OperationCanceledException)
        {
            // Abandoned before the outcomes were acknowledged: the offsets stay uncommitted and will be redelivered.
            return;
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "Unexpected failure publishing the outcome of {TopicPartitionOffset}", messages[0].Source.TopicPartitionOffset);
            return;
        }

        lock (gate)
        {
            foreach (var message in messages)
            {
                offsets.Completed(message.Source.Offset.Value);
            }

            Volatile.Write(ref inFlight, offsets.PendingCount);
            if (waiters > 0)
            {
                Monitor.PulseAll(gate);
            }
        }
    }
}
