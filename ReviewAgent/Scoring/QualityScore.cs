namespace MasteryEngine.ReviewAgent.Scoring;

/// <param name="Value">The quality score in [0, 1]: the weighted sum of the sub-scores, rounded to 3 decimals.</param>
/// <param name="Findings">Every finding that counted, ordered by line.</param>
public sealed record QualityScore(
    double Value,
    SubScores SubScores,
    CodeMetrics Metrics,
    IReadOnlyList<ScoredFinding> Findings,
    IReadOnlyList<Suggestion> Suggestions);
