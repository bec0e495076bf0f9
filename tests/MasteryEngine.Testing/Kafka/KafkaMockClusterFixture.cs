using System.Globalization;
using MasteryEngine.Silo.Kafka;

namespace MasteryEngine.Testing.Kafka;

/// <summary>
/// One librdkafka mock cluster (a real Kafka-protocol broker on a loopback port) for a test class or collection.
/// Tests stay independent by creating their own topics and consumer group with <see cref="CreateTopics"/>.
/// </summary>
public sealed class KafkaMockClusterFixture : IDisposable
{
    /// <summary>A short group session, so that a killed member's partitions move on quickly under either protocol.</summary>
    public static readonly TimeSpan SessionTimeout = TimeSpan.FromSeconds(6);

    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(300);

    public KafkaMockClusterFixture()
    {
        Cluster = KafkaMockCluster.Start(brokerCount: 1);
        Cluster.SetConsumerGroupTimeouts(SessionTimeout, HeartbeatInterval);
    }

    public KafkaMockCluster Cluster { get; }

    public string BootstrapServers => Cluster.BootstrapServers;

    /// <summary>Fresh requests/results/events/dead-letter topics and a fresh group id, all named after a new prefix.</summary>
    public KafkaTestTopics CreateTopics(int requestPartitions = 4)
    {
        var topics = KafkaTestTopics.New();
        Cluster.CreateTopic(topics.Requests, requestPartitions);
        Cluster.CreateTopic(topics.Results, 2);
        Cluster.CreateTopic(topics.Events, 2);
        Cluster.CreateTopic(topics.DeadLetter, 1);
        return topics;
    }

    /// <summary>
    /// Configuration for <c>AddKafkaStreams</c> against this cluster, tuned for quick tests. A classic member sets
    /// its session timeout itself; a KIP-848 (<c>consumer</c>) member gets it from the broker.
    /// </summary>
    public Dictionary<string, string?> Configuration(KafkaTestTopics topics, string groupProtocol = KafkaGroupProtocol.Classic)
    {
        var settings = CommonConfiguration(topics);
        settings["KAFKA_GROUP_PROTOCOL"] = groupProtocol;
        if (groupProtocol == KafkaGroupProtocol.Classic)
        {
            settings["Kafka:Client:session.timeout.ms"] = SessionTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture);
            settings["Kafka:Client:heartbeat.interval.ms"] = HeartbeatInterval.TotalMilliseconds.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }

    public void Dispose() => Cluster.Dispose();

    private Dictionary<string, string?> CommonConfiguration(KafkaTestTopics topics) => new()
    {
        ["KAFKA_BROKER"] = BootstrapServers,
        ["KAFKA_GROUP_ID"] = topics.GroupId,
        ["KAFKA_REQUESTS_TOPIC"] = topics.Requests,
        ["KAFKA_RESULTS_TOPIC"] = topics.Results,
        ["KAFKA_EVENTS_TOPIC"] = topics.Events,
        ["KAFKA_DLQ_TOPIC"] = topics.DeadLetter,
        ["KAFKA_COMMIT_INTERVAL_MS"] = "100",
        ["KAFKA_DELIVERY_TIMEOUT_MS"] = "3000",
        ["Kafka:RetryInitialBackoffMs"] = "20",
        ["Kafka:RetryMaxBackoffMs"] = "200",
        ["Kafka:Client:fetch.wait.max.ms"] = "10",
        ["Kafka:Client:reconnect.backoff.ms"] = "50",
        ["Kafka:Client:reconnect.backoff.max.ms"] = "300",
        ["Kafka:Client:log_level"] = "3",
    };
}
