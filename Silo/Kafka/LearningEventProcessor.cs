using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Serialization;
using MasteryEngine.Runtime;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Runtime.Streams;
using Microsoft.Extensions.Logging;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// What happens to one consumed message: apply it to the student's grain (retrying transient failures without
/// ever skipping the event), publish the outcome to the results topic, or dead-letter it. Returns only when the
/// message's effect and outcome are durable, so its offset may be committed; throws only when cancelled.
/// </summary>
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

    public async Task ProcessAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        using var trace = KafkaTraceContext.StartProcessing(message.Source, logger);
        if (message.Rejection is { } rejection)
        {
            await DeadLetterAsync(message.Source, rejection.Reason, rejection, cancellationToken);
            return;
        }

        var learningEvent = message.Event!;
        var backoff = initialBackoff;
        var failedAttempts = 0;
        while (true)
        {
            try
            {
                var result = await ApplyAsync(learningEvent, message.RequestedComponents);
                metrics.Processed(learningEvent.EventType, timeProvider.GetUtcNow() - learningEvent.Timestamp);
                await PublishResultAsync(result, cancellationToken);
                return;
            }
            catch (Exception e) when (e is ArgumentException)
            {
                await DeadLetterAsync(message.Source, DeadLetterReasons.ValidationFailed, e, cancellationToken);
                return;
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
                    await DeadLetterAsync(message.Source, DeadLetterReasons.ProcessingFailed, e, cancellationToken);
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Abandoned (revocation or shutdown timed out) while failing: leave the offset uncommitted.
                throw new OperationCanceledException("Processing was abandoned.", e, cancellationToken);
            }

            metrics.Retried();
            await Task.Delay(backoff, timeProvider, cancellationToken);
            backoff = Min(backoff * 2, maxBackoff);
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

    private async Task PublishResultAsync(EventApplyResult result, CancellationToken cancellationToken)
    {
        var message = new Message<byte[]?, byte[]?>
        {
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
        var backoff = initialBackoff;
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
            await Task.Delay(backoff, timeProvider, cancellationToken);
            backoff = Min(backoff * 2, maxBackoff);
        }
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        StorageUnavailableException or InconsistentStateException or TimeoutException or StreamUnavailableException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
