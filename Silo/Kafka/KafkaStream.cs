using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using MasteryEngine.Runtime.Streams;
using MasteryEngine.Silo.Observability;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// One stream of <see cref="KafkaStreamProvider"/>: every item becomes a message keyed by the stream key, carrying
/// the caller's correlation id (<c>X-Request-ID</c>) and W3C <c>traceparent</c> as headers, so a request can be
/// followed from the HTTP call through the broker.
/// </summary>
internal sealed class KafkaStream<T>(StreamId streamId, string topic, Func<T, byte[]> serialize, KafkaProducerConnection producer)
    : IAsyncStream<T>
{
    public const string TraceParentHeader = "traceparent";

    private readonly byte[] key = Encoding.UTF8.GetBytes(streamId.Key);

    public StreamId StreamId => streamId;

    public async Task OnNextAsync(T item, CancellationToken cancellationToken = default)
    {
        var message = new Message<byte[]?, byte[]?> { Key = key, Value = serialize(item), Headers = TraceHeaders() };
        await producer.ProduceAsync(topic, message, cancellationToken);
    }

    private static Headers? TraceHeaders()
    {
        var correlationId = CorrelationContext.CorrelationId;
        var activity = Activity.Current;
        if (correlationId is null && activity is not { IdFormat: ActivityIdFormat.W3C })
        {
            return null;
        }

        var headers = new Headers();
        if (correlationId is not null)
        {
            headers.Add(CorrelationContext.HeaderName, Encoding.UTF8.GetBytes(correlationId));
        }

        if (activity is { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent })
        {
            headers.Add(TraceParentHeader, Encoding.UTF8.GetBytes(traceParent));
        }

        return headers;
    }
}
