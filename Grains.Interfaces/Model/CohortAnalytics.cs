namespace MasteryEngine.Grains;

/// <param name="MeanMastery">Mean over the members that have any mastery data; null when none has.</param>
public sealed record CohortAnalytics(
    string CohortId,
    int Size,
    double? MeanMastery,
    IReadOnlyDictionary<MasteryLevel, int> LevelDistribution,
    ComponentScores? MeanComponents);
