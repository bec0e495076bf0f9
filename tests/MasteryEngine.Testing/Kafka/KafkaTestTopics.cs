namespace MasteryEngine.Testing.Kafka;

/// <summary>A test's own topic names and consumer group.</summary>
public sealed record KafkaTestTopics(string Requests, string Results, string Events, string DeadLetter, string GroupId)
{
    public static KafkaTestTopics New()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        return new KafkaTestTopics($"{prefix}.requests", $"{prefix}.results", $"{prefix}.events", $"{prefix}.dlq", $"{prefix}-group");
    }
}
