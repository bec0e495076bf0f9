namespace MasteryEngine.Grains;

/// <summary>A next step for the student, ranked by weight × gap.</summary>
/// <param name="Component">The component it improves, or null when it is about a topic.</param>
/// <param name="Topic">The topic it is about, or null when it is about a component overall.</param>
/// <param name="ExpectedGain">Expected rise of the overall mastery score if the action succeeds.</param>
public sealed record Recommendation(
    MasteryComponent? Component,
    string? Topic,
    RecommendationPriority Priority,
    string Action,
    double ExpectedGain);
