using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Confluent.Kafka;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Serialization;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// The write side of the <c>mastery</c> Orleans stream provider with Kafka: <c>learning-events</c> go to the
/// requests topic and <c>mastery-events</c> to the events topic, keyed by the stream key (the student id), as the
/// wire JSON, each in a Producer span carrying <c>X-Request-ID</c> and <c>traceparent</c>. A publish returns once
/// the brokers acknowledged it, which is what the grains' milestone outbox relies on. An emitted xAPI statement goes
/// to the events topic as the bare statement (<see cref="XapiStatementMessage"/>). It is write-only on purpose:
/// learning events are read by the consumer group (<see cref="KafkaEventConsumer"/>), so that lag, offsets and
/// static membership stay visible to Kafka's own tools.
/// </summary>
internal sealed class KafkaQueueAdapter(string name, KafkaProducerConnection producer, IOptions<KafkaOptions> options) : IQueueAdapter
{
    public string Name => name;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.WriteOnly;

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        throw new NotSupportedException($"The '{name}' Kafka stream provider only publishes; the consumer group reads the topics.");

    public async Task QueueMessageBatchAsync<T>(
        StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        var topic = TopicOf(streamId.GetNamespace());
        var studentId = streamId.GetKeyAsString();
        var key = Encoding.UTF8.GetBytes(studentId);
        var serialize = SerializerFor<T>();
        foreach (var item in events)
        {
            using var span = KafkaTraceContext.StartSend(topic, studentId);
            var message = item is XapiStatementEmitted statement
                ? new Message<byte[]?, byte[]?> { Key = key, Value = XapiStatementMessage.Value(statement), Headers = XapiStatementMessage.WithVersion(KafkaTraceContext.CurrentHeaders()) }
                : new Message<byte[]?, byte[]?> { Key = key, Value = serialize(item), Headers = KafkaTraceContext.CurrentHeaders() };
            try
            {
                await producer.ProduceAsync(topic, message, CancellationToken.None);
            }
            catch (Exception exception) when (span is not null)
            {
                span.SetStatus(ActivityStatusCode.Error, exception.Message);
                throw;
            }
        }
    }

    private string TopicOf(string? streamNamespace) => streamNamespace switch
    {
        StreamNamespaces.LearningEvents => options.Value.RequestsTopic,
        StreamNamespaces.MasteryEvents => options.Value.EventsTopic,
        _ => throw new ArgumentException(
            $"Stream namespace '{streamNamespace}' has no Kafka topic; known: {StreamNamespaces.LearningEvents}, {StreamNamespaces.MasteryEvents}.",
            nameof(streamNamespace)),
    };

    private static Func<T, byte[]> SerializerFor<T>()
    {
        // A grain may publish a concrete milestone type; it is written as the polymorphic base so the
        // event_type discriminator is on the wire.
        if (typeof(MasteryDomainEvent).IsAssignableFrom(typeof(T)))
        {
            return item => JsonSerializer.SerializeToUtf8Bytes((MasteryDomainEvent)(object)item!, MasteryJsonContext.Default.MasteryDomainEvent);
        }

        var typeInfo = MasteryJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new NotSupportedException($"{typeof(T).Name} is not part of the wire JSON (MasteryJsonContext).");
        return item => JsonSerializer.SerializeToUtf8Bytes(item, typeInfo);
    }
}
