using Confluent.Kafka;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// <c>KAFKA_GROUP_PROTOCOL</c>: <c>classic</c> (JoinGroup/SyncGroup, every broker) or <c>consumer</c> (KIP-848: the
/// broker computes assignments and rebalances incrementally; Kafka 4.0 or later). Under <c>consumer</c> the group's
/// session timeout, heartbeat interval and assignor are broker settings, and librdkafka refuses a client that sets
/// them, so start-up rejects them with the setting to use instead.
/// </summary>
public static class KafkaGroupProtocol
{
    public const string Classic = "classic";

    public const string Consumer = "consumer";

    /// <summary>librdkafka client properties a KIP-848 member may not set, and what replaces each.</summary>
    public static readonly IReadOnlyDictionary<string, string> ClassicOnlyClientProperties = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["session.timeout.ms"] = "the broker's group.consumer.session.timeout.ms",
        ["heartbeat.interval.ms"] = "the broker's group.consumer.heartbeat.interval.ms",
        ["partition.assignment.strategy"] = "group.remote.assignor",
        ["group.protocol.type"] = "nothing: KIP-848 groups have no protocol type",
    };

    /// <summary>The protocol of a validated setting.</summary>
    public static GroupProtocol Parse(string value) => TryParse(value, out var protocol)
        ? protocol
        : throw new ArgumentException($"'{value}' is not a consumer group protocol.", nameof(value));

    public static bool TryParse(string? value, out GroupProtocol protocol)
    {
        switch (value)
        {
            case Classic:
                protocol = GroupProtocol.Classic;
                return true;
            case Consumer:
                protocol = GroupProtocol.Consumer;
                return true;
            default:
                protocol = default;
                return false;
        }
    }
}
