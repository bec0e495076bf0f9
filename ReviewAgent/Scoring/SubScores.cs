namespace MasteryEngine.ReviewAgent.Scoring;

/// <summary>Each in [0, 1], rounded to 3 decimals.</summary>
public sealed record SubScores(double Correctness, double Readability, double Complexity, double Structure);
