namespace MasteryEngine.ReviewAgent.Scoring;

/// <param name="MaxComplexity">The highest cyclomatic complexity of a function; 0 without functions.</param>
public sealed record CodeMetrics(int CodeLines, int Functions, int MaxComplexity, double? MaintainabilityIndex, bool SyntaxError);
