namespace MasteryEngine.Grains;

/// <summary>Stream namespaces; the Kafka provider maps them to topics.</summary>
public static class StreamNamespaces
{
    /// <summary>Inbound <see cref="LearningEvent"/>s, keyed by student id (topic <c>mastery.requests</c>).</summary>
    public const string LearningEvents = "learning-events";

    /// <summary>Outbound <see cref="MasteryDomainEvent"/>s, keyed by student id (topic <c>mastery.events</c>).</summary>
    public const string MasteryEvents = "mastery-events";
}
