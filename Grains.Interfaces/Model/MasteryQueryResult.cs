namespace MasteryEngine.Grains;

/// <summary>The answer to a mastery query: the current mastery with the history around it.</summary>
/// <param name="HistoricalAverage">Mean mastery over the retained snapshots; null with no history.</param>
[GenerateSerializer, Immutable, Alias("mastery.mastery-query-result")]
public sealed record MasteryQueryResult(
    [property: Id(0)] string StudentId,
    [property: Id(1)] MasteryResult CurrentMastery,
    [property: Id(2)] double? HistoricalAverage,
    [property: Id(3)] MasteryTrend Trend,
    [property: Id(4)] IReadOnlyList<TopicMastery> Topics);
