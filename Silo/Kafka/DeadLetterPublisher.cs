using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Copies a message that cannot be processed to the dead-letter topic: the original key, value and headers byte
/// for byte, plus error headers as Kafka Connect writes them, so the same tooling can inspect and replay it.
/// </summary>
public sealed class DeadLetterPublisher(KafkaProducerConnection producer, IOptions<KafkaOptions> options, KafkaConsumerMetrics metrics)
{
    public const string TopicHeader = "__connect.errors.topic";
    public const string PartitionHeader = "__connect.errors.partition";
    public const string OffsetHeader = "__connect.errors.offset";
    public const string ExceptionClassHeader = "__connect.errors.exception.class.name";
    public const string ExceptionMessageHeader = "__connect.errors.exception.message";
    public const string ReasonHeader = "__connect.errors.reason";

    private const int MaxExceptionMessageLength = 1000;

    public async Task PublishAsync(ConsumeResult<byte[]?, byte[]?> source, string reason, Exception error, CancellationToken cancellationToken)
    {
        var headers = new Headers();
        foreach (var header in source.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        var detail = error.InnerException is not null && error is PoisonMessageException ? error.InnerException : error;
        Add(headers, TopicHeader, source.Topic);
        Add(headers, PartitionHeader, source.Partition.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, OffsetHeader, source.Offset.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, ExceptionClassHeader, detail.GetType().FullName ?? detail.GetType().Name);
        Add(headers, ExceptionMessageHeader, Truncate(error.Message));
        Add(headers, ReasonHeader, reason);

        var message = new Message<byte[]?, byte[]?>
        {
            Key = source.Message.Key,
            Value = source.Message.Value,
            Headers = headers,
        };
        await producer.ProduceAsync(options.Value.DeadLetterTopic, message, cancellationToken);
        metrics.DeadLettered(reason);
    }

    private static void Add(Headers headers, string key, string value) => headers.Add(key, Encoding.UTF8.GetBytes(value));

    private static string Truncate(string text) =>
        text.Length <= MaxExceptionMessageLength ? text : text[..MaxExceptionMessageLength] + "...";
}
