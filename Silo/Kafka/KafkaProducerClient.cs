using Confluent.Kafka;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// One librdkafka producer and the admin client that shares its connections. <see cref="KafkaProducerConnection"/>
/// replaces the whole pair when librdkafka reports a fatal error, because a fatal producer accepts no more sends.
/// </summary>
internal sealed class KafkaProducerClient : IDisposable
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(2);

    private readonly Lazy<IAdminClient> adminClient;
    private volatile Error? fatalError;

    public KafkaProducerClient(IProducer<byte[]?, byte[]?> producer)
    {
        Producer = producer;
        adminClient = new Lazy<IAdminClient>(() => new DependentAdminClientBuilder(producer.Handle).Build());
    }

    public IProducer<byte[]?, byte[]?> Producer { get; }

    /// <summary>Set once librdkafka reported the producer failed fatally: it must be replaced.</summary>
    public Error? FatalError => fatalError;

    public void MarkFatal(Error error) => fatalError ??= error;

    public Metadata GetMetadata(TimeSpan timeout) => adminClient.Value.GetMetadata(timeout);

    public void Dispose()
    {
        if (adminClient.IsValueCreated)
        {
            adminClient.Value.Dispose();
        }

        // Every send is awaited by someone; a short flush lets the ones still on their way be acknowledged.
        Producer.Flush(FlushTimeout);
        Producer.Dispose();
    }
}
