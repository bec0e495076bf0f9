namespace MasteryEngine.Grains;

/// <summary>The student's top recommendations changed.</summary>
public sealed record LearningPathRecommended(
    string StudentId,
    DateTimeOffset OccurredAt,
    IReadOnlyList<Recommendation> Recommendations) : MasteryDomainEvent(StudentId, OccurredAt)
{
    public const string EventType = "learning.path.recommended";
}
