namespace MasteryEngine.ReviewAgent.Options;

/// <summary>The Kafka side (section <c>Kafka</c>); off unless <c>KAFKA_ENABLED=true</c>.</summary>
public sealed class KafkaOptions
{
    public const string SectionName = "Kafka";

    public bool Enabled { get; set; }

    public string Broker { get; set; } = "localhost:9092";

    /// <summary>Submissions to assess, one per message (<c>KAFKA_TOPIC</c>, as in the runbook).</summary>
    public string RequestsTopic { get; set; } = "review.requests";

    public string ResultsTopic { get; set; } = "review.results";

    public string DeadLetterTopic { get; set; } = "review.dlq";

    /// <summary>The Mastery Engine's input topic, where quality events go when Kafka is on.</summary>
    public string MasteryTopic { get; set; } = "mastery.requests";

    public string GroupId { get; set; } = "review-agent";

    /// <summary>Wait before a submission whose assessment or publishing failed for a passing reason is tried again.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Extra librdkafka settings (<c>Kafka:Client:&lt;name&gt;</c>), e.g. security.protocol.</summary>
    public Dictionary<string, string> Client { get; set; } = new(StringComparer.Ordinal);
}
