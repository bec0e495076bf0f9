using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Processes the messages of one assigned partition: one lane per student, so a student's events run one after
/// another in offset order while different students run in parallel. A lane moves to the student's next event as
/// soon as the effect of the previous one is persisted; a message counts as finished, and its offset as safe to
/// commit, only once its outcome was acknowledged too. When the partition is given up, work under way finishes
/// while queued work is left unstarted and uncommitted, for the partition's next owner.
/// </summary>
internal sealed class PartitionWorker : IDisposable
{
    private readonly object gate = new();
    private readonly Dictionary<string, Queue<InboundMessage>> busyLanes = new(StringComparer.Ordinal);
    private readonly PartitionOffsetTracker offsets = new();
    private readonly CancellationTokenSource abandoned = new();
    private readonly CancellationTokenSource closing = new();
    private readonly Func<IReadOnlyList<InboundMessage>, CancellationToken, CancellationToken, Task<Task>> process;
    private readonly int maxEventsPerWrite;
    private readonly ILogger logger;

    // Written under the gate; read without it by the poll thread, which checks it for every message.
    private int inFlight;

    // Threads blocked in WaitUntilBelow: a finished message wakes them only when there are any.
    private int waiters;

    // Dispatched messages waiting in a lane behind their student's previous one (under the gate).
    private int queued;

    // Messages left unstarted because the partition is being given up: pending for good (under the gate).
    private int leftUnstarted;

    public PartitionWorker(
        TopicPartition partition,
        Func<IReadOnlyList<InboundMessage>, CancellationToken, CancellationToken, Task<Task>> process,
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
                queued++;
                return;
            }

            busyLanes.Add(message.LaneKey, new Queue<InboundMessage>());
        }

        var (stopStarting, token) = (closing.Token, abandoned.Token);
        _ = Task.Run(() => RunLaneAsync(message, stopStarting, token));
    }

    /// <summary>
    /// Starts nothing more: queued messages and those still waiting for a grain-call slot stay unstarted (and
    /// uncommitted), so giving a partition up waits only for the grain calls under way, however many messages
    /// the in-flight bound let in. With the classic protocol every member waits for the slowest revocation.
    /// </summary>
    public void StopStarting() => closing.Cancel();

    /// <summary>
    /// Blocks until every started message has finished (after <see cref="StopStarting"/>) or the timeout passed.
    /// Blocking is deliberate: it runs on the consumer's poll thread inside librdkafka's synchronous rebalance
    /// callback, which must not return before the finished offsets are committed.
    /// </summary>
    public bool WaitUntilStartedFinished(TimeSpan timeout) =>
        WaitWhile(() => offsets.PendingCount > queued + leftUnstarted, timeout, CancellationToken.None);

    /// <summary>Blocks until fewer than <paramref name="limit"/> messages are in flight, or the timeout passed.</summary>
    public bool WaitUntilBelow(int limit, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitWhile(() => offsets.PendingCount >= limit, timeout, cancellationToken);

    /// <summary>Stops processing at once; unfinished messages stay uncommitted and will be redelivered.</summary>
    public void Abandon()
    {
        closing.Cancel();
        abandoned.Cancel();
    }

    public void Dispose()
    {
        Abandon();
        abandoned.Dispose();
        closing.Dispose();
    }

    private async Task RunLaneAsync(InboundMessage first, CancellationToken stopStarting, CancellationToken token)
    {
        List<InboundMessage> messages = [first];
        while (true)
        {
            try
            {
                var outcome = await process(messages, stopStarting, token);
                _ = FinishWhenPublishedAsync(messages, outcome);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (stopStarting.IsCancellationRequested)
            {
                lock (gate)
                {
                    leftUnstarted += messages.Count;
                    LeaveLaneUnstarted(first.LaneKey);
                }

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
                if (stopStarting.IsCancellationRequested)
                {
                    LeaveLaneUnstarted(first.LaneKey);
                    return;
                }

                if (lane.Count == 0)
                {
                    busyLanes.Remove(first.LaneKey);
                    return;
                }

                messages = TakeNext(lane);
            }
        }
    }

    /// <summary>Blocks while <paramref name="busy"/> (read under the gate) holds; false once the timeout passed or on cancellation.</summary>
    private bool WaitWhile(Func<bool> busy, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (gate)
        {
            while (busy())
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

    /// <summary>Under the gate: the lane's queued messages stay unstarted, and whoever waits for started work is told.</summary>
    private void LeaveLaneUnstarted(string laneKey)
    {
        var lane = busyLanes[laneKey];
        queued -= lane.Count;
        leftUnstarted += lane.Count;
        lane.Clear();
        busyLanes.Remove(laneKey);
        if (waiters > 0)
        {
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>
    /// The lane's next message, or, when it is a learning event, every learning event queued behind it (up to the
    /// limit): they accumulated while the student's previous write was under way, and go to the grain together.
    /// </summary>
    private List<InboundMessage> TakeNext(Queue<InboundMessage> lane)
    {
        var next = new List<InboundMessage> { lane.Dequeue() };
        while (next[0].CanShareWrite && next.Count < maxEventsPerWrite && lane.TryPeek(out var behind) && behind.CanShareWrite)
        {
            next.Add(lane.Dequeue());
        }

        queued -= next.Count;
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
