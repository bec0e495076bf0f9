using MasteryEngine.Grains;

namespace MasteryEngine.Gateway.Contracts;

/// <summary>The seeds' query answer: <c>current_mastery</c> beside <c>historical_average</c> and <c>trend</c>.</summary>
public sealed record MasteryQueryResponse(
    string StudentId,
    CurrentMasteryView CurrentMastery,
    double? HistoricalAverage,
    MasteryTrend Trend,
    IReadOnlyList<TopicMastery> Topics)
{
    public static MasteryQueryResponse From(MasteryQueryResult result, bool includeComponents) => new(
        result.StudentId,
        CurrentMasteryView.From(result.CurrentMastery, includeComponents),
        result.HistoricalAverage,
        result.Trend,
        result.Topics);
}
