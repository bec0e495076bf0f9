namespace MasteryEngine.Grains;

/// <summary>A student's mastery as of <paramref name="CalculatedAt"/>.</summary>
public sealed record MasteryResult(
    string StudentId,
    double MasteryScore,
    MasteryLevel Level,
    ComponentScores Components,
    IReadOnlyList<ComponentBreakdown> Breakdown,
    IReadOnlyList<Recommendation> Recommendations,
    DateTimeOffset CalculatedAt);
