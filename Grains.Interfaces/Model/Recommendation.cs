namespace MasteryEngine.Grains;

/// <summary>A next step for the student, ranked by weight × gap.</summary>
/// <param name="Component">The component it improves, or null when it is about a topic.</param>
/// <param name="Topic">The topic it is about, or null when it is about a component overall.</param>
/// <param name="ExpectedGain">Expected rise of the overall mastery score if the action succeeds.</param>
[GenerateSerializer, Immutable, Alias("mastery.recommendation")]
public sealed record Recommendation(
    [property: Id(0)] MasteryComponent? Component,
    [property: Id(1)] string? Topic,
    [property: Id(2)] RecommendationPriority Priority,
    [property: Id(3)] string Action,
    [property: Id(4)] double ExpectedGain);
