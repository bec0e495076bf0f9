namespace MasteryEngine.ReviewAgent.Scoring;

/// <param name="Weight">Points a finding of this rule costs its sub-score (see <see cref="QualityRubric"/>).</param>
public sealed record RuleClassification(FindingCategory Category, FindingSeverity Severity, double Weight);
