namespace MasteryEngine.Grains;

/// <summary>The student's level changed (up or down).</summary>
[GenerateSerializer, Immutable, Alias("mastery.mastery-threshold-reached")]
public sealed record MasteryThresholdReached(
    string StudentId,
    DateTimeOffset OccurredAt,
    [property: Id(0)] MasteryLevel PreviousLevel,
    [property: Id(1)] MasteryLevel Level,
    [property: Id(2)] double MasteryScore) : MasteryDomainEvent(StudentId, OccurredAt)
{
    public const string EventType = "mastery.threshold.reached";
}
