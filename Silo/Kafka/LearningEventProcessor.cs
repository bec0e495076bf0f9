using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Domain;
using MasteryEngine.Grains.Serialization;
using MasteryEngine.Silo.Storage;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Microsoft.Extensions.Logging;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// What happens to one consumed message, in two stages. First its effect: apply it to the student's grain
/// (retrying transient failures without ever skipping the event); once that is persisted the student's next event
/// may start. Then its outcome: the result on the results topic, or the message on the dead-letter topic; once that
/// is acknowledged its offset may be committed. Keeping the second stage off the student's lane means a lane never
/// waits for the broker between two events of its student.
/// </summary>
[SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable",
    Justification = "applySlots, a SemaphoreSlim whose AvailableWaitHandle is never read, holds nothing to free; and a lane abandoned at shutdown may still release its slot after the consumer is gone.")]
internal sealed class LearningEventProcessor(
    IGrainFactory grainFactory,
    KafkaProducerConnection producer,
    DeadLetterPublisher deadLetters,
    KafkaConsumerMetrics metrics,
    KafkaOptions options,
    TimeProvider timeProvider,
    ILogger logger)
{
    private readonly TimeSpan initialBackoff = TimeSpan.FromMilliseconds(options.RetryInitialBackoffMs);
    private readonly TimeSpan maxBackoff = TimeSpan.FromMilliseconds(options.RetryMaxBackoffMs);
    private readonly SemaphoreSlim applySlots = new(options.MaxConcurrentApplies, options.MaxConcurrentApplies);

    /// <summary>
    /// Completes when the messages' effects are persisted (or they were found poison); the task it returns
    /// completes when every outcome is on its topic. Both throw only when cancelled: by
    /// <paramref name="stopStarting"/> only while the messages still wait for a grain-call slot (nothing of them
    /// applied), by <paramref name="cancellationToken"/> at any point. Several messages are one student's queued
    /// learning events (<see cref="InboundMessage.CanShareWrite"/>), applied with one write.
    /// </summary>
    public Task<Task> ProcessAsync(IReadOnlyList<InboundMessage> messages, CancellationToken stopStarting, CancellationToken cancellationToken) =>
        messages.Count == 1
            ? ProcessOneAsync(messages[0], stopStarting, cancellationToken)
            : ProcessTogetherAsync(messages, stopStarting, cancellationToken);

    private async Task<Task> ProcessTogetherAsync(IReadOnlyList<InboundMessage> messages, CancellationToken stopStarting, CancellationToken cancellationToken)
    {
        using var trace = KafkaTraceContext.StartProcessing([.. messages.Select(message => message.Source)], logger);
        var events = messages.Select(message => message.Event!).ToArray();
        var backoff = new RetryBackoff(initialBackoff, maxBackoff, timeProvider);
        while (true)
        {
            try
            {
                var results = await InApplySlotAsync(
                    () => grainFactory.GetGrain<IStudentMasteryGrain>(events[0].StudentId).ApplyEventsAsync(events), stopStarting);
                var now = timeProvider.GetUtcNow();
                foreach (var learningEvent in events)
                {
                    metrics.Processed(learningEvent.EventType, now - learningEvent.Timestamp);
                }

                return Task.WhenAll(results.Select((result, i) => PublishResultAsync(result, messages[i].Source, cancellationToken)));
            }
            catch (ApplySlotNotTakenException e)
            {
                throw e.Cancellation;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                logger.LogWarning("Transient failure applying {Count} events of student {StudentId}, retrying: {Error}",
                    events.Length, events[0].StudentId, e.Message);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Nothing of the batch was applied; one by one, only the event that fails is retried or dead-lettered.
                logger.LogDebug("Applying {Count} events of student {StudentId} together failed, applying them one by one: {Error}",
                    events.Length, events[0].StudentId, e.Message);
                return await ProcessOneByOneAsync(messages, stopStarting, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new OperationCanceledException("Processing was abandoned.", e, cancellationToken);
            }

            metrics.Retried();
            await WaitBeforeRetryAsync(backoff, stopStarting, cancellationToken);
        }
    }

    private async Task<Task> ProcessOneByOneAsync(IReadOnlyList<InboundMessage> messages, CancellationToken stopStarting, CancellationToken cancellationToken)
    {
        var outcomes = new Task[messages.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            // Once the first is applied, the batch is under way: the rest are not left unstarted, only abandoned.
            outcomes[i] = await ProcessOneAsync(messages[i], i == 0 ? stopStarting : cancellationToken, cancellationToken);
        }

        return Task.WhenAll(outcomes);
    }

    private async Task<Task> ProcessOneAsync(InboundMessage message, CancellationToken stopStarting, CancellationToken cancellationToken)
    {
        using var trace = KafkaTraceContext.StartProcessing(message.Source, logger);
        if (message.Rejection is { } rejection)
        {
            return DeadLetterAsync(message.Source, rejection.Reason, rejection, cancellationToken);
        }

        var learningEvent = message.Event!;
        var backoff = new RetryBackoff(initialBackoff, maxBackoff, timeProvider);
        var failedAttempts = 0;
        while (true)
        {
            try
            {
                var result = await InApplySlotAsync(() => ApplyAsync(learningEvent, message.RequestedComponents), stopStarting);
                metrics.Processed(learningEvent.EventType, timeProvider.GetUtcNow() - learningEvent.Timestamp);
                return PublishResultAsync(result, message.Source, cancellationToken);
            }
            catch (ApplySlotNotTakenException e)
            {
                throw e.Cancellation;
            }
            catch (Exception e) when (e is ArgumentException)
            {
                var reason = e is InvalidLearningEventException { Rejection.Reason: LearningEventRejection.Stale }
                    ? DeadLetterReasons.Stale
                    : DeadLetterReasons.ValidationFailed;
                return DeadLetterAsync(message.Source, reason, e, cancellationToken);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                logger.LogWarning("Transient failure applying event {EventId} of student {StudentId}, retrying: {Error}",
                    learningEvent.EventId, learningEvent.StudentId, e.Message);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failedAttempts++;
                if (failedAttempts >= options.MaxProcessingAttempts)
                {
                    logger.LogError(e, "Event {EventId} of student {StudentId} failed {Attempts} times; dead-lettering it",
                        learningEvent.EventId, learningEvent.StudentId, failedAttempts);
                    return DeadLetterAsync(message.Source, DeadLetterReasons.ProcessingFailed, e, cancellationToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Abandoned (revocation or shutdown timed out) while failing: leave the offset uncommitted.
                throw new OperationCanceledException("Processing was abandoned.", e, cancellationToken);
            }

            metrics.Retried();
            await WaitBeforeRetryAsync(backoff, stopStarting, cancellationToken);
        }
    }

    /// <summary>
    /// A failed attempt applied nothing that counts as finished, so a partition being given up need not wait out
    /// the backoff (up to <see cref="KafkaOptions.RetryMaxBackoffMs"/>): the message is left unstarted instead.
    /// </summary>
    private static async Task WaitBeforeRetryAsync(RetryBackoff backoff, CancellationToken stopStarting, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stopStarting, cancellationToken);
        await backoff.WaitAsync(either.Token);
    }

    /// <summary>Runs one grain call within <see cref="KafkaOptions.MaxConcurrentApplies"/>; a retry waits for a slot again.</summary>
    private async Task<T> InApplySlotAsync<T>(Func<Task<T>> apply, CancellationToken stopStarting)
    {
        try
        {
            await applySlots.WaitAsync(stopStarting);
        }
        catch (OperationCanceledException e)
        {
            throw new ApplySlotNotTakenException(e);
        }

        try
        {
            return await apply();
        }
        finally
        {
            applySlots.Release();
        }
    }

    private async Task<EventApplyResult> ApplyAsync(LearningEvent learningEvent, ComponentScores? requestedComponents)
    {
        var grain = grainFactory.GetGrain<IStudentMasteryGrain>(learningEvent.StudentId);
        if (learningEvent.EventType != LearningEventTypes.CalculationRequested)
        {
            return await grain.ApplyEventAsync(learningEvent);
        }

        var calculated = await grain.CalculateAsync(requestedComponents);
        return new EventApplyResult(learningEvent.StudentId, learningEvent.EventId, true, calculated.MasteryScore, calculated.Level);
    }

    private async Task PublishResultAsync(EventApplyResult result, ConsumeResult<byte[]?, byte[]?> source, CancellationToken cancellationToken)
    {
        // A Producer span under the one processing the event, so the result's traceparent ends the request's trace.
        using var span = KafkaTraceContext.StartSend(options.ResultsTopic, result.StudentId);
        var message = new Message<byte[]?, byte[]?>
        {
            Headers = KafkaTraceContext.OutcomeHeaders(source),
            Key = Encoding.UTF8.GetBytes(result.StudentId),
            Value = JsonSerializer.SerializeToUtf8Bytes(result, MasteryJsonContext.Default.EventApplyResult),
        };
        await PublishWithRetriesAsync(options.ResultsTopic, token => producer.ProduceAsync(options.ResultsTopic, message, token), cancellationToken);
    }

    private Task DeadLetterAsync(ConsumeResult<byte[]?, byte[]?> source, string reason, Exception error, CancellationToken cancellationToken)
    {
        logger.LogWarning("Dead-lettering {TopicPartitionOffset} ({Reason}): {Error}", source.TopicPartitionOffset, reason, error.Message);
        return PublishWithRetriesAsync(options.DeadLetterTopic, token => deadLetters.PublishAsync(source, reason, error, token), cancellationToken);
    }

    /// <summary>A message that is not on its topic is not done: keep trying (backing off) until it is, or until cancelled.</summary>
    private async Task PublishWithRetriesAsync(string topic, Func<CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        var backoff = new RetryBackoff(initialBackoff, maxBackoff, timeProvider);
        while (true)
        {
            try
            {
                await publish(cancellationToken);
                return;
            }
            catch (Exception e) when (e is StreamUnavailableException or KafkaException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Publishing to {Topic} failed, retrying: {Error}", topic, e.Message);
            }

            metrics.Retried();
            await backoff.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Whether a retry may succeed. Orleans wraps a storage provider's failure, so the causes count too. A rejected
    /// message (the grain's silo died or cannot be reached) is a cluster changing under the call: once membership
    /// declares the silo dead the retry activates the grain on a live one, so the event must wait, not be dead-lettered.
    /// </summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken)
    {
        for (Exception? cause = e; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case StorageUnavailableException or InconsistentStateException or TimeoutException or StreamUnavailableException
                    or OrleansMessageRejectionException:
                    return true;
                case OperationCanceledException:
                    return !cancellationToken.IsCancellationRequested;
            }
        }

        return false;
    }
}
