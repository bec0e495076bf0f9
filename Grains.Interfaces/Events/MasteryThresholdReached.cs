namespace MasteryEngine.Grains;

/// <summary>The student's level changed (up or down).</summary>
public sealed record MasteryThresholdReached(
    string StudentId,
    DateTimeOffset OccurredAt,
    MasteryLevel PreviousLevel,
    MasteryLevel Level,
    double MasteryScore) : MasteryDomainEvent(StudentId, OccurredAt)
{
    public const string EventType = "mastery.threshold.reached";
}
