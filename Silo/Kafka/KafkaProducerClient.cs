using Confluent.Kafka;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// One librdkafka producer and whether it failed fatally. <see cref="KafkaProducerConnection"/> replaces it when
/// librdkafka reports a fatal error, because a fatal producer accepts no more sends.
/// </summary>
internal sealed class KafkaProducerClient(IProducer<byte[]?, byte[]?> producer) : IDisposable
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(2);

    private volatile Error? fatalError;

    public IProducer<byte[]?, byte[]?> Producer { get; } = producer;

    /// <summary>Set once librdkafka reported the producer failed fatally: it must be replaced.</summary>
    public Error? FatalError => fatalError;

    public void MarkFatal(Error error) => fatalError ??= error;

    public void Dispose()
    {
        // Every send is awaited by someone; a short flush lets the ones still on their way be acknowledged.
        Producer.Flush(FlushTimeout);
        Producer.Dispose();
    }
}
