namespace MasteryEngine.Grains;

/// <param name="MeanMastery">Mean over the members that have any mastery data; null when none has.</param>
[GenerateSerializer, Immutable, Alias("mastery.cohort-analytics")]
public sealed record CohortAnalytics(
    [property: Id(0)] string CohortId,
    [property: Id(1)] int Size,
    [property: Id(2)] double? MeanMastery,
    [property: Id(3)] IReadOnlyDictionary<MasteryLevel, int> LevelDistribution,
    [property: Id(4)] ComponentScores? MeanComponents);
