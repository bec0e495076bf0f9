namespace MasteryEngine.Gateway.Contracts;

/// <summary>Component scores as a client sends them; nullable so that a missing one is reported by name.</summary>
public sealed record ComponentScoresInput(double? Completion, double? Quiz, double? Quality, double? Consistency);
