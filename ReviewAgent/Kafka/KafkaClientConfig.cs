using Confluent.Kafka;
using MasteryEngine.ReviewAgent.Options;

namespace MasteryEngine.ReviewAgent.Kafka;

/// <summary>The producer and consumer settings, from <see cref="KafkaOptions"/> plus its <c>Client</c> pass-through.</summary>
public static class KafkaClientConfig
{
    public static ProducerConfig Producer(KafkaOptions options)
    {
        var config = new ProducerConfig(Extra(options))
        {
            BootstrapServers = options.Broker,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
        };
        return config;
    }

    /// <summary>Offsets are committed by hand, after the assessment and its quality event were published.</summary>
    public static ConsumerConfig Consumer(KafkaOptions options) => new(Extra(options))
    {
        BootstrapServers = options.Broker,
        GroupId = options.GroupId,
        EnableAutoCommit = false,
        EnableAutoOffsetStore = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
    };

    private static Dictionary<string, string> Extra(KafkaOptions options) => new(options.Client, StringComparer.Ordinal);
}
