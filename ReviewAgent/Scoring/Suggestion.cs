namespace MasteryEngine.ReviewAgent.Scoring;

/// <param name="Lines">The first few lines where it applies.</param>
public sealed record Suggestion(string RuleId, FindingCategory Category, string Text, IReadOnlyList<int> Lines, int Occurrences);
