namespace MasteryEngine.Grains;

/// <summary>A student's mastery as of <paramref name="CalculatedAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("mastery.mastery-result")]
public sealed record MasteryResult(
    [property: Id(0)] string StudentId,
    [property: Id(1)] double MasteryScore,
    [property: Id(2)] MasteryLevel Level,
    [property: Id(3)] ComponentScores Components,
    [property: Id(4)] IReadOnlyList<ComponentBreakdown> Breakdown,
    [property: Id(5)] IReadOnlyList<Recommendation> Recommendations,
    [property: Id(6)] DateTimeOffset CalculatedAt);
