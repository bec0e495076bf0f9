namespace MasteryEngine.ReviewAgent.Contracts;

/// <summary>What the code was written for. Other fields (title, difficulty, ...) are accepted and ignored.</summary>
public sealed record ProblemContext(string? Language, string? ProblemId);
