using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using MasteryEngine.ReviewAgent.Analysis;
using MasteryEngine.ReviewAgent.Assessing;
using MasteryEngine.ReviewAgent.Contracts;
using MasteryEngine.ReviewAgent.Feed;
using MasteryEngine.ReviewAgent.Observability;
using MasteryEngine.ReviewAgent.Options;
using MasteryEngine.ReviewAgent.Validation;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Kafka;

/// <summary>
/// Consumes <c>review.requests</c> in group <c>review-agent</c>, one submission per message, in order per
/// partition. Each is assessed, its quality event goes to <c>mastery.requests</c>, the assessment to
/// <c>review.results</c>, and only then is the offset committed: a crash in between assesses it again, which
/// the event id makes harmless. What cannot be assessed (not JSON, invalid, over the sandbox's limits) goes to
/// <c>review.dlq</c> with the reason in headers; passing failures (Kafka down, analysers busy) are retried.
/// </summary>
public sealed class ReviewRequestConsumer(
    AssessmentService assessments,
    KafkaProducerConnection connection,
    IOptions<KafkaOptions> options,
    IOptions<ReviewOptions> limits,
    ReviewMetrics metrics,
    ILogger<ReviewRequestConsumer> logger) : BackgroundService
{
    public const string ReasonHeader = "review.dlq.reason";
    public const string ErrorHeader = "review.dlq.error";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => ConsumeAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        var kafka = options.Value;
        using var consumer = new ConsumerBuilder<string?, byte[]?>(KafkaClientConfig.Consumer(kafka))
            .SetLogHandler((_, message) => logger.LogDebug("librdkafka: {Message}", message.Message))
            .SetErrorHandler((_, error) => logger.LogWarning("Kafka consumer: {Reason}", error.Reason))
            .Build();
        consumer.Subscribe(kafka.RequestsTopic);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ConsumeResult<string?, byte[]?> message;
                try
                {
                    message = consumer.Consume(stoppingToken);
                }
                catch (ConsumeException exception)
                {
                    logger.LogWarning("Consuming {Topic} failed: {Reason}", kafka.RequestsTopic, exception.Error.Reason);
                    continue;
                }

                await HandleUntilDoneAsync(message, stoppingToken);
                consumer.Commit([new TopicPartitionOffset(message.TopicPartition, message.Offset + 1)]);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was not committed is consumed again by the next member.
        }
        finally
        {
            consumer.Close();
        }
    }

    private async Task HandleUntilDoneAsync(ConsumeResult<string?, byte[]?> message, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await HandleAsync(message, stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is AnalysisBusyException or KafkaException or QualityEventNotDeliveredException { Permanent: false })
            {
                logger.LogWarning("Submission at {Topic}/{Partition}@{Offset} will be tried again: {Error}",
                    message.Topic, message.Partition.Value, message.Offset.Value, exception.Message);
                await Task.Delay(options.Value.RetryBackoff, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(ConsumeResult<string?, byte[]?> message, CancellationToken cancellationToken)
    {
        AssessRequest? request;
        try
        {
            request = message.Message.Value is { Length: > 0 } value ? JsonSerializer.Deserialize(value, ReviewJsonContext.Default.AssessRequest) : null;
        }
        catch (JsonException exception)
        {
            await DeadLetterAsync(message, "invalid_json", "The value is not a JSON submission: " + exception.Message, cancellationToken);
            return;
        }

        if (request is null)
        {
            await DeadLetterAsync(message, "invalid_json", "The value is empty or null; it must be a JSON submission.", cancellationToken);
            return;
        }

        var (submission, errors) = SubmissionRules.Validate(request, limits.Value);
        if (submission is null)
        {
            await DeadLetterAsync(message, "invalid_submission", string.Join(" ", errors.Values.SelectMany(messages => messages)), cancellationToken);
            return;
        }

        Assessment assessment;
        try
        {
            assessment = await assessments.AssessAsync(submission, cancellationToken);
        }
        catch (AnalysisFailedException exception)
        {
            await DeadLetterAsync(message, exception.Reason, exception.Message, cancellationToken);
            return;
        }

        MasteryFeedReceipt receipt;
        try
        {
            receipt = await assessments.FeedAsync(assessment, cancellationToken);
        }
        catch (QualityEventNotDeliveredException exception) when (exception.Permanent)
        {
            await DeadLetterAsync(message, "quality_event_refused", exception.Message, cancellationToken);
            return;
        }

        var result = assessment with { MasteryEvent = receipt };
        await connection.Producer.ProduceAsync(
            options.Value.ResultsTopic,
            new Message<string, byte[]> { Key = result.StudentId, Value = JsonSerializer.SerializeToUtf8Bytes(result, ReviewJsonContext.Default.Assessment) },
            cancellationToken);
        metrics.KafkaMessage("assessed");
    }

    private async Task DeadLetterAsync(ConsumeResult<string?, byte[]?> message, string reason, string error, CancellationToken cancellationToken)
    {
        logger.LogWarning("Submission at {Topic}/{Partition}@{Offset} dead-lettered ({Reason}): {Error}",
            message.Topic, message.Partition.Value, message.Offset.Value, reason, error);
        var headers = new Headers
        {
            { ReasonHeader, Encoding.UTF8.GetBytes(reason) },
            { ErrorHeader, Encoding.UTF8.GetBytes(error) },
            { "__connect.errors.topic", Encoding.UTF8.GetBytes(message.Topic) },
            { "__connect.errors.partition", Encoding.UTF8.GetBytes(message.Partition.Value.ToString(CultureInfo.InvariantCulture)) },
            { "__connect.errors.offset", Encoding.UTF8.GetBytes(message.Offset.Value.ToString(CultureInfo.InvariantCulture)) },
        };
        await connection.Producer.ProduceAsync(
            options.Value.DeadLetterTopic,
            new Message<string, byte[]> { Key = message.Message.Key!, Value = message.Message.Value ?? [], Headers = headers },
            cancellationToken);
        metrics.KafkaMessage("dead_lettered");
    }
}
