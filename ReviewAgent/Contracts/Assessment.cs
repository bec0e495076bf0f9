using MasteryEngine.ReviewAgent.Scoring;

namespace MasteryEngine.ReviewAgent.Contracts;

/// <summary>What the Review Agent answers and publishes on <c>review.results</c>.</summary>
/// <param name="AssessmentId">The quality event's id: the same for the same submission.</param>
/// <param name="FindingsTotal">All findings; <paramref name="Findings"/> holds the first <c>Review:MaxFindings</c> by line.</param>
/// <param name="MasteryEvent">Null until the quality event has been handed on.</param>
public sealed record Assessment(
    string AssessmentId,
    string StudentId,
    string ProblemId,
    string Language,
    double QualityScore,
    SubScores SubScores,
    CodeMetrics Metrics,
    IReadOnlyList<ScoredFinding> Findings,
    int FindingsTotal,
    IReadOnlyList<Suggestion> Suggestions,
    string RubricVersion,
    IReadOnlyList<string> Analysers,
    DateTimeOffset AssessedAt,
    MasteryFeedReceipt? MasteryEvent);
