namespace MasteryEngine.ReviewAgent.Scoring;

/// <summary>A finding with the points it costs its sub-score.</summary>
internal sealed record WeightedFinding(ScoredFinding Finding, double Weight)
{
    public string RuleId => Finding.RuleId;

    public FindingCategory Category => Finding.Category;
}
