namespace MasteryEngine.ReviewAgent.Contracts;

/// <summary>The Mastery Engine's learning event (docs/api.md), of type <c>quality</c>, with the problem as topic.</summary>
public sealed record QualityLearningEvent(
    string EventType,
    string StudentId,
    string EventId,
    DateTimeOffset Timestamp,
    string Topic,
    QualityEventData Data);

public sealed record QualityEventData(double Score);
