using System.Text;
using Confluent.Kafka;
using MasteryEngine.Runtime.Streams;

namespace MasteryEngine.Silo.Kafka;

/// <summary>One stream of <see cref="KafkaStreamProvider"/>: every item becomes a message keyed by the stream key.</summary>
internal sealed class KafkaStream<T>(StreamId streamId, string topic, Func<T, byte[]> serialize, KafkaProducerConnection producer)
    : IAsyncStream<T>
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(streamId.Key);

    public StreamId StreamId => streamId;

    public async Task OnNextAsync(T item, CancellationToken cancellationToken = default)
    {
        var message = new Message<byte[]?, byte[]?> { Key = key, Value = serialize(item) };
        await producer.ProduceAsync(topic, message, cancellationToken);
    }
}
