namespace MasteryEngine.Grains;

/// <summary>The student's top recommendations changed.</summary>
[GenerateSerializer, Immutable, Alias("mastery.learning-path-recommended")]
public sealed record LearningPathRecommended(
    string StudentId,
    DateTimeOffset OccurredAt,
    [property: Id(0)] IReadOnlyList<Recommendation> Recommendations) : MasteryDomainEvent(StudentId, OccurredAt)
{
    public const string EventType = "learning.path.recommended";
}
