using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using MasteryEngine.Runtime.Streams;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// One stream of <see cref="KafkaStreamProvider"/>: every item becomes a message keyed by the stream key, sent in a
/// Producer span and carrying the caller's correlation id (<c>X-Request-ID</c>) and that span as W3C
/// <c>traceparent</c> (<see cref="KafkaTraceContext"/>), so a request can be followed from the HTTP call through the
/// broker to the consumer.
/// </summary>
internal sealed class KafkaStream<T>(StreamId streamId, string topic, Func<T, byte[]> serialize, KafkaProducerConnection producer)
    : IAsyncStream<T>
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(streamId.Key);

    public StreamId StreamId => streamId;

    public async Task OnNextAsync(T item, CancellationToken cancellationToken = default)
    {
        using var span = KafkaTraceContext.StartSend(topic, streamId.Key);
        var message = new Message<byte[]?, byte[]?> { Key = key, Value = serialize(item), Headers = KafkaTraceContext.CurrentHeaders() };
        try
        {
            await producer.ProduceAsync(topic, message, cancellationToken);
        }
        catch (Exception exception) when (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }
}
