using Confluent.Kafka;
using MasteryEngine.ReviewAgent.Options;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Kafka;

/// <summary>The one producer of the process (librdkafka producers are thread-safe and batch): results, dead letters and quality events.</summary>
public sealed class KafkaProducerConnection : IDisposable
{
    private readonly Lazy<IProducer<string, byte[]>> producer;

    public KafkaProducerConnection(IOptions<KafkaOptions> options, ILogger<KafkaProducerConnection> logger)
    {
        producer = new Lazy<IProducer<string, byte[]>>(() =>
        {
            return new ProducerBuilder<string, byte[]>(KafkaClientConfig.Producer(options.Value))
                .SetLogHandler((_, message) => logger.LogDebug("librdkafka: {Message}", message.Message))
                .SetErrorHandler((_, error) => logger.LogWarning("Kafka producer: {Reason}", error.Reason))
                .Build();
        });
    }

    public IProducer<string, byte[]> Producer => producer.Value;

    public void Dispose()
    {
        if (producer.IsValueCreated)
        {
            producer.Value.Flush(TimeSpan.FromSeconds(5));
            producer.Value.Dispose();
        }
    }
}
