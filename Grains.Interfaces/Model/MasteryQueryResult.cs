namespace MasteryEngine.Grains;

/// <summary>The answer to a mastery query: the current mastery with the history around it.</summary>
/// <param name="HistoricalAverage">Mean mastery over the retained snapshots; null with no history.</param>
public sealed record MasteryQueryResult(
    string StudentId,
    MasteryResult CurrentMastery,
    double? HistoricalAverage,
    MasteryTrend Trend,
    IReadOnlyList<TopicMastery> Topics);
