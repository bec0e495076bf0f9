using MasteryEngine.Grains;

namespace MasteryEngine.Gateway.Contracts;

/// <param name="MeanSpread">Highest minus lowest mean mastery among the cohorts that have data.</param>
public sealed record CohortComparison(
    IReadOnlyList<CohortAnalytics> Cohorts,
    string? HighestMeanCohort,
    string? LowestMeanCohort,
    double? MeanSpread);
