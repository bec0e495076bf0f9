using Confluent.Kafka;
using Orleans;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Consumes the requests topic as a member of the consumer group and applies each event to its student's grain.
/// Delivery is at least once and the grains ignore repeated event ids, so each event's effect happens exactly once:
/// an offset is committed only when its message and every earlier one of the partition are done (effect persisted,
/// outcome or dead letter acknowledged). On revocation and shutdown, in-flight work finishes and is committed before
/// the partitions are released.
/// </summary>
/// <remarks>
/// All calls on the librdkafka consumer happen on one dedicated poll thread (rebalance callbacks run there too);
/// the grain calls run on the thread pool, a lane per student (see <see cref="PartitionWorker"/>).
/// </remarks>
public sealed class KafkaEventConsumer : BackgroundService
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ConsumeErrorPause = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a partition at its in-flight bound may hold up consuming without finishing a message.</summary>
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(1);

    private readonly KafkaOptions options;
    private readonly LearningEventReader reader;
    private readonly LearningEventProcessor processor;
    private readonly KafkaConsumerMetrics metrics;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<KafkaEventConsumer> logger;
    private readonly Dictionary<TopicPartition, PartitionWorker> workers = [];
    private volatile bool crashRequested;

    public KafkaEventConsumer(
        IOptions<KafkaOptions> options,
        IGrainFactory grainFactory,
        KafkaProducerConnection producer,
        DeadLetterPublisher deadLetters,
        KafkaConsumerMetrics metrics,
        TimeProvider timeProvider,
        ILogger<KafkaEventConsumer> logger)
    {
        this.options = options.Value;
        this.metrics = metrics;
        this.timeProvider = timeProvider;
        this.logger = logger;
        reader = new LearningEventReader(this.options.MaxEventBytes, timeProvider);
        processor = new LearningEventProcessor(grainFactory, producer, deadLetters, metrics, this.options, timeProvider, logger);
    }

    /// <summary>
    /// Stops the way a killed process would: no draining, no commit, no leaving the group (the broker notices only
    /// when the session times out). Tests use it to simulate a crashed silo within one process.
    /// </summary>
    internal void SimulateCrash() => crashRequested = true;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.ConsumerEnabled)
        {
            return Task.CompletedTask;
        }

        // librdkafka's Consume blocks its caller; a dedicated thread keeps it off the thread pool.
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stoppingToken);
                completion.SetResult();
            }
            catch (Exception e)
            {
                logger.LogCritical(e, "The Kafka consumer of {Topic} stopped", options.RequestsTopic);
                completion.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "kafka-consumer",
        };
        thread.Start();
        return completion.Task;
    }

    private void Run(CancellationToken stoppingToken)
    {
        var consumer = BuildConsumer();
        try
        {
            consumer.Subscribe(options.RequestsTopic);
            logger.LogInformation("Consuming {Topic} as group {GroupId} from {Broker}", options.RequestsTopic, options.GroupId, options.Broker);
            PollUntilStopped(consumer, stoppingToken);
            if (crashRequested)
            {
                AbandonAll();
                return;
            }

            Release(consumer, [.. workers.Keys]);
            consumer.Close();
        }
        finally
        {
            consumer.Dispose();
        }
    }

    private void PollUntilStopped(IConsumer<byte[]?, byte[]?> consumer, CancellationToken stoppingToken)
    {
        var commitInterval = TimeSpan.FromMilliseconds(options.CommitIntervalMs);
        var lastCommit = timeProvider.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested && !crashRequested)
        {
            try
            {
                var result = consumer.Consume(PollTimeout);
                if (result is { IsPartitionEOF: false })
                {
                    Dispatch(consumer, result, stoppingToken);
                }
            }
            catch (ConsumeException e) when (!e.Error.IsFatal)
            {
                logger.LogWarning("Consuming {Topic} failed: {Reason}", options.RequestsTopic, e.Error.Reason);
                stoppingToken.WaitHandle.WaitOne(ConsumeErrorPause);
            }

            ResumeDrainedPartitions(consumer);
            if (timeProvider.GetElapsedTime(lastCommit) >= commitInterval)
            {
                Commit(consumer, workers.Values);
                ReportLag(consumer);
                lastCommit = timeProvider.GetTimestamp();
            }
        }
    }

    private void Dispatch(IConsumer<byte[]?, byte[]?> consumer, ConsumeResult<byte[]?, byte[]?> result, CancellationToken stoppingToken)
    {
        if (!workers.TryGetValue(result.TopicPartition, out var worker))
        {
            logger.LogWarning("Ignoring {TopicPartitionOffset}: the partition is not assigned here", result.TopicPartitionOffset);
            return;
        }

        worker.Dispatch(reader.Read(result));
        if (!worker.Paused && worker.InFlight >= options.MaxInFlightPerPartition)
        {
            ApplyBackpressure(consumer, worker, stoppingToken);
        }
    }

    /// <summary>
    /// A partition reached its in-flight bound. Pausing it is librdkafka's backpressure, but a pause drops what was
    /// prefetched and librdkafka (measured with 2.0.2) starts fetching again only up to a second after the resume,
    /// leaving the lanes idle after every pause. So the poll thread first waits here for the partition to finish a message,
    /// which paces consuming to processing at no cost. The partition is paused when it makes no progress (the poll
    /// thread must get back to serving rebalances) or when it has held up partitions that have messages waiting
    /// for more than its <see cref="HoldUpAllowance"/>.
    /// </summary>
    private void ApplyBackpressure(IConsumer<byte[]?, byte[]?> consumer, PartitionWorker worker, CancellationToken stoppingToken)
    {
        var bound = options.MaxInFlightPerPartition;
        var othersWaiting = workers.Values.Any(other => other != worker && !other.Paused && other.Lag > 0 && other.InFlight < bound);
        var timeout = othersWaiting ? worker.HoldUp.Available : StallTimeout;
        var started = timeProvider.GetTimestamp();
        var finishedOne = timeout > TimeSpan.Zero && worker.WaitUntilBelow(bound, timeout, stoppingToken);
        if (othersWaiting)
        {
            worker.HoldUp.Spend(timeProvider.GetElapsedTime(started));
        }

        if (!finishedOne)
        {
            consumer.Pause([worker.Partition]);
            worker.Paused = true;
            metrics.ReportPaused(worker.Partition, paused: true);
        }
    }

    private void ResumeDrainedPartitions(IConsumer<byte[]?, byte[]?> consumer)
    {
        foreach (var worker in workers.Values)
        {
            if (worker.Paused && worker.InFlight <= options.MaxInFlightPerPartition / 2)
            {
                consumer.Resume([worker.Partition]);
                worker.Paused = false;
                metrics.ReportPaused(worker.Partition, paused: false);
            }
        }
    }

    private void OnAssigned(List<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            workers[partition] = new PartitionWorker(
                partition, processor.ProcessAsync, options.MaxEventsPerWrite, new HoldUpAllowance(timeProvider), logger);
            metrics.ReportPaused(partition, paused: false);
        }

        logger.LogInformation("Assigned {Partitions}", string.Join(", ", partitions));
    }

    /// <summary>
    /// Revocation and shutdown: let the work under way finish and commit it, then give the partitions up; queued
    /// messages are not started and stay uncommitted, for the next owner.
    /// </summary>
    private void Release(IConsumer<byte[]?, byte[]?> consumer, IReadOnlyCollection<TopicPartition> partitions)
    {
        var leaving = partitions.Where(workers.ContainsKey).Select(partition => workers[partition]).ToList();
        var deadline = timeProvider.GetTimestamp();
        var drainTimeout = TimeSpan.FromMilliseconds(options.DrainTimeoutMs);
        foreach (var worker in leaving)
        {
            worker.StopStarting();
        }

        foreach (var worker in leaving)
        {
            var remaining = drainTimeout - timeProvider.GetElapsedTime(deadline);
            if (!worker.WaitUntilStartedFinished(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero))
            {
                logger.LogWarning("{Partition}: {InFlight} messages did not finish in time; they stay uncommitted and will be redelivered",
                    worker.Partition, worker.InFlight);
            }
        }

        Commit(consumer, leaving);
        Unpause(consumer, leaving);
        Forget(leaving);
        if (leaving.Count > 0)
        {
            logger.LogInformation("Released {Partitions}", string.Join(", ", leaving.Select(worker => worker.Partition)));
        }
    }

    /// <summary>Partitions lost without a clean revocation (session timed out): another member may own them, so nothing is committed.</summary>
    private void OnLost(IConsumer<byte[]?, byte[]?> consumer, IEnumerable<TopicPartition> partitions)
    {
        var lost = partitions.Where(workers.ContainsKey).Select(partition => workers[partition]).ToList();
        Unpause(consumer, lost);
        Forget(lost);
        logger.LogWarning("Lost {Partitions}; their unfinished messages will be redelivered to the new owner", string.Join(", ", lost.Select(worker => worker.Partition)));
    }

    private void AbandonAll() => Forget([.. workers.Values]);

    /// <summary>
    /// librdkafka keeps a partition's pause across a rebalance that gives the partition back to this consumer,
    /// while its new worker starts unpaused and would never resume it: the partition would stall for good
    /// (seen in the two-silo benchmark). A partition given up is therefore resumed while it is still assigned.
    /// </summary>
    private void Unpause(IConsumer<byte[]?, byte[]?> consumer, List<PartitionWorker> leaving)
    {
        var paused = leaving.Where(worker => worker.Paused).Select(worker => worker.Partition).ToList();
        if (paused.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Resume(paused);
        }
        catch (KafkaException e)
        {
            // Inside a rebalance callback: an escaping exception would stop the consumer thread.
            logger.LogWarning("Resuming {Partitions} before giving them up failed: {Reason}", string.Join(", ", paused), e.Error.Reason);
        }
    }

    private void Forget(List<PartitionWorker> leaving)
    {
        foreach (var worker in leaving)
        {
            worker.Dispose();
            workers.Remove(worker.Partition);
            metrics.Forget(worker.Partition);
        }
    }

    private void Commit(IConsumer<byte[]?, byte[]?> consumer, IEnumerable<PartitionWorker> candidates)
    {
        var due = new List<(PartitionWorker Worker, long Offset)>();
        foreach (var worker in candidates)
        {
            if (worker.CommittableOffset is { } offset && offset != worker.LastCommittedOffset)
            {
                due.Add((worker, offset));
            }
        }

        if (due.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Commit(due.Select(entry => new TopicPartitionOffset(entry.Worker.Partition, entry.Offset)));
            foreach (var (worker, offset) in due)
            {
                worker.LastCommittedOffset = offset;
            }
        }
        catch (KafkaException e)
        {
            // Not fatal: the offsets stay due and go out with the next commit; if the partitions moved meanwhile,
            // the new owner reprocesses and the grains ignore the repeated event ids.
            logger.LogWarning("Committing offsets of {Topic} failed: {Reason}", options.RequestsTopic, e.Error.Reason);
        }
    }

    private void ReportLag(IConsumer<byte[]?, byte[]?> consumer)
    {
        foreach (var worker in workers.Values)
        {
            try
            {
                var watermarks = consumer.GetWatermarkOffsets(worker.Partition);
                var position = consumer.Position(worker.Partition);
                if (watermarks.High != Offset.Unset && position != Offset.Unset)
                {
                    worker.Lag = watermarks.High.Value - position.Value;
                    metrics.ReportLag(worker.Partition, worker.Lag);
                }
                else if (watermarks.High != Offset.Unset && watermarks.High == watermarks.Low)
                {
                    // Nothing consumed here yet, so no position; but an empty partition has nothing to wait for.
                    worker.Lag = 0;
                    metrics.ReportLag(worker.Partition, 0);
                }
            }
            catch (KafkaException e)
            {
                logger.LogDebug("No lag for {Partition}: {Reason}", worker.Partition, e.Error.Reason);
            }
        }
    }

    private IConsumer<byte[]?, byte[]?> BuildConsumer()
    {
        var config = new ConsumerConfig(new Dictionary<string, string>(options.Client))
        {
            BootstrapServers = options.Broker,
            GroupId = options.GroupId,
            ClientId = "mastery-engine",
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
            GroupProtocol = KafkaGroupProtocol.Parse(options.GroupProtocol),
        };
        if (!string.IsNullOrWhiteSpace(options.GroupInstanceId))
        {
            config.GroupInstanceId = options.GroupInstanceId;
        }

        return new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetPartitionsAssignedHandler((_, partitions) => OnAssigned(partitions))
            .SetPartitionsRevokedHandler((consumer, partitions) => Release(consumer, [.. partitions.Select(partition => partition.TopicPartition)]))
            .SetPartitionsLostHandler((consumer, partitions) => OnLost(consumer, partitions.Select(partition => partition.TopicPartition)))
            .SetErrorHandler((_, error) => logger.Log(error.IsFatal ? LogLevel.Critical : LogLevel.Warning,
                "Kafka consumer: {Reason} ({Code})", error.Reason, error.Code))
            .SetLogHandler((_, message) => KafkaLog.Write(logger, message))
            .Build();
    }
}
